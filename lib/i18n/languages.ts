/** The languages we speak (the portal's LANG picks one; anything else falls back to English). */
export const LANGUAGES = ["en", "ru", "de"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Maps a portal LANG value (e.g. "ru", "de", "ua", "br") to one we speak. */
export function resolveLang(value: string | null | undefined): Lang {
  const code = (value ?? "").toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : "en";
}
