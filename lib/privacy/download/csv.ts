/**
 * CSV for the personal-data export (RFC 4180: comma, CRLF, fields quoted when they hold a comma,
 * quote or line break), UTF-8 with a byte-order mark so that spreadsheet programs read accents
 * and Cyrillic correctly. A value that starts with = + - @ or a tab would run as a formula in a
 * spreadsheet (OWASP "CSV Injection"): it gets a leading apostrophe, which README.txt explains;
 * the JSON files carry every value unchanged.
 */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One value as text: arrays joined by "; ", objects as JSON, null and undefined as empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function csvCell(value: unknown): string {
  let text = cellText(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
