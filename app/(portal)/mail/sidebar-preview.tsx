"use client";

/**
 * The Gmail sidebar's own cards (extension/src/content: the same code Gmail shows) on the sample
 * thread lib/mail preview.ts looked up in this portal, in a shadow root with the sidebar's CSS —
 * so what an administrator or a demo visitor sees here is what Gmail will show. Buttons that would
 * change the portal answer "this is a preview" instead of acting.
 */
import { useEffect, useRef } from "react";
import type { MailPreview } from "@/lib/mail";
import type { ApiAnswer } from "@/extension/src/shared/messages";
import { languageOf, translator } from "@/extension/src/shared/i18n";
import type { ParticipantResult } from "@/extension/src/content/api-types";
import type { CardContext } from "@/extension/src/content/cards/context";
import { h } from "@/extension/src/content/dom";
import { SIDEBAR_CSS } from "@/extension/src/content/sidebar-style";
import { participantCards } from "@/extension/src/content/sidebar-view";

export function SidebarPreview({ preview, lang }: { preview: MailPreview; lang: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = holder.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    const t = translator(lang);
    const notInPreview = { status: 0, body: { error: "preview" } } as ApiAnswer<never>;
    const cache = { fetchedAt: Date.now(), ...preview.pipelines };
    const ctx: CardContext = {
      t,
      lang: languageOf(lang),
      api: async () => notInPreview,
      pipelines: async () => cache,
      logEmail: async () => notInPreview,
      refresh: () => undefined,
    };
    const body = h("div", { class: "body" });
    body.append(...participantCards(ctx, { participants: preview.participants, results: preview.results as unknown as ParticipantResult[], pipelines: cache }));
    const panel = h(
      "aside",
      { class: "panel preview", lang: languageOf(lang), "aria-label": t("title"), "data-testid": "staffsuite-panel" },
      h("header", {}, h("h1", {}, t("title"))),
      body,
    );
    shadow.replaceChildren(h("style", {}, SIDEBAR_CSS), panel);
  }, [preview, lang]);
  return <div ref={holder} data-testid="mail-preview-sidebar" />;
}
