/**
 * Dates, numbers and sizes in the portal's language. Dates are shown in UTC: the server renders
 * them and does not know the viewer's time zone.
 */
import type { Lang } from "./languages";

/**
 * A date as Intl writes it, but without the word Russian writes after a year ("2026 г."): its
 * abbreviation's period doubled the one ending a sentence ("вернутся 7 дек. 2026 г..").
 */
function withoutYearWord(format: Intl.DateTimeFormat, value: Date): string {
  return format
    .formatToParts(value)
    .map((part, i, parts) => (part.type === "literal" && parts[i - 1]?.type === "year" ? part.value.replace(/^\s*г\./, "") : part.value))
    .join("");
}

export function formatters(lang: Lang) {
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(lang);
  return {
    dateTime: (value: Date) => `${withoutYearWord(dateTime, value)} UTC`,
    date: (value: Date) => withoutYearWord(date, value),
    number: (value: number) => number.format(value),
    bytes(value: number) {
      // Under a kilobyte the unit is spelled out: the short form of "byte" does not inflect
      // ("0 byte" in English), the long one does ("0 bytes", "2 байта", "0 Byte").
      if (value < 1024) return new Intl.NumberFormat(lang, { style: "unit", unit: "byte", unitDisplay: "long" }).format(value);
      const [unit, divisor] = value >= 1024 * 1024 ? (["megabyte", 1024 * 1024] as const) : (["kilobyte", 1024] as const);
      return new Intl.NumberFormat(lang, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value / divisor);
    },
  };
}
