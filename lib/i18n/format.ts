/**
 * Dates, numbers and sizes in the portal's language. Dates are shown in UTC: the server renders
 * them and does not know the viewer's time zone.
 */
import type { Lang } from "./languages";

export function formatters(lang: Lang) {
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(lang);
  return {
    dateTime: (value: Date) => `${dateTime.format(value)} UTC`,
    date: (value: Date) => date.format(value),
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
