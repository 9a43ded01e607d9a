/**
 * The i18n layer: every user-facing string goes through `translator(lang)` on the server or
 * `useT()` (lib/i18n/client.tsx) in client components; both read the same keys. The portal's
 * LANG picks the language (en, ru, de); anything else falls back to English.
 */
import { dictionaries, type Messages } from "./dictionaries";
import type { Lang } from "./languages";

export { LANGUAGES, resolveLang, type Lang } from "./languages";

export type MessageKey = keyof Messages;
export { dictionaries } from "./dictionaries";

/** `t("settings.title")`, `t("jobs.counts", { done: 3, total: 10 })` */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The messages of one language (what the portal layout hands to the client's I18nProvider). */
export function messagesFor(lang: Lang): Messages {
  return dictionaries[lang];
}

/** A translate function over `messages`; unknown keys fall back to English, then to the key itself. */
export function translateWith(messages: Partial<Messages>): Translate {
  return (key, vars) => {
    const template = messages[key] ?? dictionaries.en[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
  };
}

export function translator(lang: Lang): Translate {
  return translateWith(dictionaries[lang]);
}

export { formatters } from "./format";
export { langFromAcceptLanguage } from "./accept-language";
