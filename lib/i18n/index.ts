/**
 * The i18n layer: every user-facing string goes through `translator(lang)`. The portal's LANG
 * picks the language (en, ru, de); anything else falls back to English.
 */
import { de } from "./de";
import { en, type Messages } from "./en";
import { ru } from "./ru";

export const LANGUAGES = ["en", "ru", "de"] as const;
export type Lang = (typeof LANGUAGES)[number];
export type MessageKey = keyof Messages;

const dictionaries: Record<Lang, Messages> = { en, ru, de };

/** Maps a portal LANG value (e.g. "ru", "de", "ua", "br") to one we speak. */
export function resolveLang(value: string | null | undefined): Lang {
  const code = (value ?? "").toLowerCase().slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : "en";
}

/** `t("settings.title")`, `t("jobs.progress", { done: 3, total: 10 })` */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, vars) => {
    const template = dictionary[key] ?? en[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

export { formatters } from "./format";
