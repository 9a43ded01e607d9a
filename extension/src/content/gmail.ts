/**
 * The Gmail content script: watches Gmail's in-page navigation (hash changes and DOM updates),
 * and when a thread is open shows the StaffSuite sidebar docked beside it (./dock.ts), in a shadow
 * root, so neither side's CSS leaks. Only the open thread's participants' addresses are sent (for
 * the lookup); a message's text leaves the browser only when the user clicks "Log email".
 */
import { send, type ApiAnswer } from "../shared/messages";
import { errorText, languageOf, translator, type T } from "../shared/i18n";
import { readStored, type PipelineCache, type Stored } from "../shared/storage";
import type { ParticipantResult } from "./api-types";
import type { CardContext } from "./cards/context";
import { createDock } from "./dock";
import { h } from "./dom";
import { accountEmail, readMessage, readOpenThread, type OpenThread } from "./gmail-thread";
import { readMessageSource } from "./message-source";
import { messagePicker, participantCards } from "./sidebar-view";

/** Addresses per lookup: the API's limit (lib/mail lookup.ts MAX_PARTICIPANTS), one portal request each. */
const PER_LOOKUP = 20;

const dock = createDock();
const body = dock.body;

let shownKey: string | null = null;
let generation = 0;
/** Said above the cards of the next lookup (why they were looked up again). */
let notice: string | null = null;

function ownAddresses(stored: Stored): Set<string> {
  const own = new Set((stored.ownEmails ?? []).map((e) => e.toLowerCase()));
  const account = accountEmail(document);
  if (account) own.add(account);
  return own;
}

async function pipelines(refresh = false): Promise<PipelineCache | null> {
  const answer = await send<ApiAnswer<PipelineCache>>({ type: "pipelines", refresh });
  return answer.status === 200 ? answer.body : null;
}

function message(text: string, kind: "muted" | "err" = "muted") {
  body.replaceChildren(h("p", { class: kind === "err" ? "note err" : "muted", "data-testid": "staffsuite-message" }, text));
}

type LookupAnswer = ApiAnswer<{ participants: ParticipantResult[]; error?: string; message?: string }>;

/** Every participant looked up, PER_LOOKUP at a time (in parallel); the first failure is the answer. */
async function lookUp(thread: OpenThread): Promise<LookupAnswer> {
  const chunks: string[][] = [];
  for (let i = 0; i < thread.participants.length; i += PER_LOOKUP) chunks.push(thread.participants.slice(i, i + PER_LOOKUP).map((p) => p.email));
  const answers = await Promise.all(
    // Addresses only: the names Gmail shows stay in the page (the create forms read them there)
    // until the user clicks Log email (the privacy promise of docs/mail.md).
    chunks.map((emails) =>
      send<LookupAnswer>({ type: "api", method: "POST", path: "/api/extension/lookup", body: { participants: emails.map((email) => ({ email })) } }),
    ),
  );
  const failed = answers.find((a) => a.status !== 200);
  return failed ?? { status: 200, body: { participants: answers.flatMap((a) => a.body.participants) } };
}

async function show(thread: OpenThread, stored: Stored, t: T, own: Set<string>) {
  const mine = ++generation;
  if (!thread.participants.length) return message(t("noParticipants"));
  message(t("loading"));
  const answer = await lookUp(thread);
  if (mine !== generation) return; // the user moved on to another thread meanwhile
  if (answer.status !== 200) {
    if (answer.status === 401) shownKey = null;
    return message(errorText(t, answer.body), "err");
  }
  const results = answer.body.participants;
  let cache = await pipelines();
  const knownStages = new Set(cache?.pipelines.flatMap((p) => p.stages.map((s) => `${p.id}:${s.id}`)) ?? []);
  const deals = results.flatMap((r) => [...r.contacts.flatMap((c) => c.deals), ...r.companies.flatMap((c) => c.deals)]);
  // A stage we do not know means the cache is stale (a pipeline was added or renamed).
  if (deals.some((d) => !knownStages.has(`${d.categoryId}:${d.stageId}`))) cache = (await pipelines(true)) ?? cache;
  if (mine !== generation) return;
  let chosen = thread.messages.at(-1)?.gmailId ?? "";
  const ctx: CardContext = {
    t,
    lang: languageOf(stored.connection?.portal.lang ?? navigator.language),
    api: (method, path, payload) => send({ type: "api", method, path, body: payload }),
    pipelines: (refresh) => pipelines(refresh),
    logEmail: async (target, communication) => {
      // Read now, on the click: the message as the user sees it, and its Message-ID from Gmail.
      const m = readMessage(document, chosen);
      const source = m ? await readMessageSource(document, m.gmailId) : null;
      if (!m || !source?.messageId) return { status: 0, body: { error: "no_message_id" } };
      const direction = own.has(m.from.email) ? "outgoing" : "incoming";
      // Gmail's own id of the message stays here: it differs in every mailbox.
      const sent = { messageId: source.messageId, subject: m.subject, from: m.from, to: m.to, cc: m.cc, date: m.date };
      const text = m.body || source.text.slice(0, 100_000);
      return send({ type: "api", method: "POST", path: "/api/extension/log-email", body: { ...sent, body: text, direction, target, communication } });
    },
    refresh: (text) => {
      notice = text ?? null;
      shownKey = null;
      void tick();
    },
  };
  const said = notice ? h("p", { class: "note err", role: "alert", "data-testid": "staffsuite-notice" }, notice) : null;
  notice = null;
  body.replaceChildren(
    said ?? "",
    messagePicker(ctx, thread.messages, chosen, (id) => (chosen = id)) ?? "",
    ...participantCards(ctx, { participants: thread.participants, results, pipelines: cache, more: thread.more }),
  );
}

async function tick() {
  const stored = await readStored();
  const own = ownAddresses(stored);
  const thread = readOpenThread(document, own);
  if (!thread) {
    dock.unmount();
    shownKey = null;
    generation++;
    return;
  }
  dock.mount();
  dock.refreshLook();
  const lang = stored.connection?.portal.lang ?? stored.ended?.lang ?? navigator.language;
  const t = translator(lang);
  dock.setStrings(t, languageOf(lang));
  const key = `${stored.connection ? "c" : `n${stored.ended?.code ?? ""}`}|${thread.key}`;
  if (key === shownKey) return;
  shownKey = key;
  if (!stored.connection) {
    generation++;
    // Someone ended the connection: say who, in the words of the API's code (../shared/i18n.ts).
    return stored.ended ? message(errorText(t, { error: stored.ended.code }), "err") : message(t("notConnected"));
  }
  await show(thread, stored, t, own);
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => void tick(), 250);
}

window.addEventListener("hashchange", schedule);
// The system switching between light and dark (a Gmail theme may follow it).
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => dock.refreshLook());
// Gmail's navigation re-renders its body; a theme or density change restyles the page.
new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
new MutationObserver(() => dock.refreshLook()).observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"], subtree: false });
new MutationObserver(() => dock.refreshLook()).observe(document.body, { attributes: true, attributeFilter: ["class", "style"] });
if (document.head) new MutationObserver(() => dock.refreshLook()).observe(document.head, { childList: true, subtree: true });
chrome.storage.onChanged.addListener((changes) => {
  if (changes.connection || changes.ownEmails || changes.ended) {
    shownKey = null;
    schedule();
  }
});
schedule();
