import { LANGUAGES, type Lang } from "./languages";

/**
 * The first language we speak in a browser's Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"),
 * for the few pages shown without a session, where the portal's LANG is not known. Browsers list
 * languages in order of preference, so the order is kept and q-values are not needed.
 */
export function langFromAcceptLanguage(header: string | null | undefined): Lang {
  for (const part of (header ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Lang;
  }
  return "en";
}
