/**
 * What the sidebar shows for a thread (in Gmail; its people also in the Mail page's preview): the
 * message to log (when the thread has several), then the people the portal knows — colleagues and CRM
 * matches, in the thread's order — and then those it does not ("Not in Bitrix24"). In a thread of
 * OUTSIDERS_GROUP_AT participants or more, those are one group, closed until opened.
 */
import type { PipelineCache } from "../shared/storage";
import type { ParticipantResult } from "./api-types";
import type { CardContext } from "./cards/context";
import { participantCard } from "./cards/participant-card";
import { h } from "./dom";
import type { Participant, ThreadMessage } from "./gmail-thread";

export const OUTSIDERS_GROUP_AT = 20;

export interface ThreadView {
  participants: Participant[];
  results: ParticipantResult[];
  pipelines: PipelineCache | null;
  /** Participants beyond what is looked up. */
  more?: number;
}

export function participantCards(ctx: CardContext, view: ThreadView): Node[] {
  const byEmail = new Map(view.results.map((r) => [r.email, r]));
  const shown = view.participants.flatMap((p) => {
    const r = byEmail.get(p.email);
    return r ? [{ p, r }] : [];
  });
  const known = shown.filter(({ r }) => r.kind !== "unknown");
  const outsiders = shown.filter(({ r }) => r.kind === "unknown");
  const card = ({ p, r }: (typeof shown)[number]) => participantCard(ctx, p, r, view.pipelines);
  const out: Node[] = known.map(card);
  if (outsiders.length && view.participants.length + (view.more ?? 0) >= OUTSIDERS_GROUP_AT) {
    out.push(
      h(
        "details",
        { class: "outsiders", "data-testid": "outsiders" },
        h("summary", {}, ctx.t("outsidersGroup", { count: outsiders.length })),
        ...outsiders.map(card),
      ),
    );
  } else out.push(...outsiders.map(card));
  if (view.more) out.push(h("p", { class: "muted", "data-testid": "not-looked-up" }, ctx.t("moreParticipants", { count: view.more })));
  return out;
}

/** The thread's messages to choose the one "Log email" logs (the newest first chosen); null for a thread of one. */
export function messagePicker(ctx: CardContext, messages: ThreadMessage[], chosen: string, onChange: (gmailId: string) => void): HTMLElement | null {
  if (messages.length < 2) return null;
  const select = h(
    "select",
    { name: "message", "data-testid": "message-picker" },
    ...messages.map((m, i) => h("option", { value: m.gmailId, selected: m.gmailId === chosen }, `${i + 1}. ${m.from}${m.date ? ` · ${m.date}` : ""}`)),
  );
  select.addEventListener("change", () => onChange(select.value));
  return h("label", { class: "picker" }, ctx.t("messageToLog"), select);
}
