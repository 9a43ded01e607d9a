/**
 * Dates, numbers and sizes in the portal's language. Times are in `timeZone`, named beside them:
 * the server renders in UTC (it does not know the viewer's zone); client components
 * (lib/i18n/client.tsx useFormat) in the browser's own zone once they run there.
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

export function formatters(lang: Lang, timeZone = "UTC") {
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone });
  const zoneName = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "short" });
  const number = new Intl.NumberFormat(lang);
  return {
    timeZone,
    dateTime: (value: Date) =>
      timeZone === "UTC"
        ? `${withoutYearWord(dateTime, value)} UTC`
        : `${withoutYearWord(dateTime, value)} ${zoneName.formatToParts(value).find((p) => p.type === "timeZoneName")?.value ?? timeZone}`,
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
