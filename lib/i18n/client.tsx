"use client";
/**
 * Client components translate with `useT()`, under the <I18nProvider> that the portal layout
 * (app/(portal)/layout.tsx) sets with the session's language: no label props to pass down.
 *
 *   const t = useT();
 *   return <button>{t("settings.danger.button")}</button>;
 */
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { Messages } from "./dictionaries";
import { translateWith, type Lang, type Translate } from "./index";
import { formatters } from "./format";

interface I18nValue {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lang, messages, children }: { lang: Lang; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translateWith(messages) }), [lang, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() needs an <I18nProvider> above it (app/(portal)/layout.tsx sets one)");
  return value;
}

/** The translate function of the portal's language. */
export function useT(): Translate {
  return useI18n().t;
}

/**
 * The portal's language and its date and number formatters, times in the browser's own time zone:
 * UTC while rendered on the server and hydrated (the server cannot know the zone), the browser's
 * right after — a Berlin administrator sees and enters Berlin times.
 */
export function useFormat() {
  const { lang } = useI18n();
  const zone = useSyncExternalStore(noChange, browserZone, () => "UTC");
  return useMemo(() => formatters(lang, zone), [lang, zone]);
}

const noChange = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
