/**
 * The Gmail content script: watches Gmail's in-page navigation (hash changes and DOM updates),
 * and when a thread is open shows the StaffSuite panel beside it — in a shadow root, so neither
 * side's CSS leaks. Only the open thread's participants' addresses are sent (for the lookup);
 * a message's text leaves the browser only when the user clicks "Log email".
 */
import { send, type ApiAnswer } from "../shared/messages";
import { errorText, languageOf, translator, type T } from "../shared/i18n";
import { readStored, type PipelineCache, type Stored } from "../shared/storage";
import type { ParticipantResult } from "./api-types";
import type { CardContext } from "./cards/context";
import { participantCard } from "./cards/participant-card";
import { h } from "./dom";
import { accountEmail, readLastMessage, readOpenThread, type OpenThread } from "./gmail-thread";
import { SIDEBAR_CSS } from "./sidebar-style";

const host = h("div", { id: "staffsuite-sidebar" });
const shadow = host.attachShadow({ mode: "open" });
const panel = h("aside", { class: "panel", "aria-label": "StaffSuite", "data-testid": "staffsuite-panel" });
const heading = h("h1", {}, "StaffSuite");
const toggle = h("button", { type: "button", class: "icon-btn", "aria-expanded": "true", "aria-label": "StaffSuite" }, "–");
const body = h("div", { class: "body", "data-testid": "staffsuite-body" });
panel.append(h("header", {}, heading, toggle), body);
shadow.append(h("style", {}, SIDEBAR_CSS), panel);
toggle.addEventListener("click", () => {
  const collapsed = panel.classList.toggle("collapsed");
  toggle.textContent = collapsed ? "+" : "–";
  toggle.setAttribute("aria-expanded", String(!collapsed));
});

let shownKey: string | null = null;
/** Said above the cards of the next lookup (why they were looked up again). */
let notice: string | null = null;
let generation = 0;

function isDark(): boolean {
  // Gmail's dark themes paint the page dark; else follow the system.
  const bg = getComputedStyle(document.body).backgroundColor.match(/\d+/g)?.map(Number);
  if (bg && bg.length >= 3 && (bg[3] === undefined || bg[3] > 0)) return (bg[0] * 299 + bg[1] * 587 + bg[2] * 114) / 1000 < 100;
  return matchMedia("(prefers-color-scheme: dark)").matches;
}

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

async function show(thread: OpenThread, stored: Stored, t: T, own: Set<string>) {
  const mine = ++generation;
  if (!thread.participants.length) return message(t("noParticipants"));
  message(t("loading"));
  const answer = await send<ApiAnswer<{ participants: ParticipantResult[]; error?: string; message?: string }>>({
    type: "api",
    method: "POST",
    path: "/api/extension/lookup",
    // Addresses only: the names Gmail shows stay in the page (the create forms read them there)
    // until the user clicks Log email (the privacy promise of docs/mail.md).
    body: { participants: thread.participants.map((p) => ({ email: p.email })) },
  });
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
  const ctx: CardContext = {
    t,
    lang: languageOf(stored.connection?.portal.lang ?? navigator.language),
    api: (method, path, payload) => send({ type: "api", method, path, body: payload }),
    pipelines: (refresh) => pipelines(refresh),
    logEmail: async (target, communication) => {
      const m = readLastMessage(document);
      if (!m || !m.messageId) return { status: 400, body: { error: "invalid_input", message: "no message" } };
      const direction = own.has(m.from.email) ? "outgoing" : "incoming";
      return send({ type: "api", method: "POST", path: "/api/extension/log-email", body: { ...m, direction, target, communication } });
    },
    refresh: (text) => {
      notice = text ?? null;
      shownKey = null;
      void tick();
    },
  };
  const byEmail = new Map(results.map((r) => [r.email, r]));
  const said = notice ? h("p", { class: "note err", role: "alert", "data-testid": "staffsuite-notice" }, notice) : null;
  notice = null;
  body.replaceChildren(
    said ?? "",
    ...thread.participants
      .map((p) => byEmail.get(p.email))
      .filter((r): r is ParticipantResult => Boolean(r))
      .map((r) =>
        participantCard(
          ctx,
          thread.participants.find((p) => p.email === r.email)!,
          r,
          cache,
        ),
      ),
  );
}

async function tick() {
  const stored = await readStored();
  const own = ownAddresses(stored);
  const thread = readOpenThread(document, own);
  if (!thread) {
    host.remove();
    shownKey = null;
    generation++;
    return;
  }
  if (!host.isConnected) document.body.append(host);
  panel.classList.toggle("dark", isDark());
  const lang = stored.connection?.portal.lang ?? stored.ended?.lang ?? navigator.language;
  const t = translator(lang);
  panel.setAttribute("lang", languageOf(lang));
  heading.textContent = t("title");
  const key = `${stored.connection ? "c" : `n${stored.ended?.code ?? ""}`}|${thread.key}`;
  if (key === shownKey) return;
  shownKey = key;
  if (!stored.connection) {
    generation++;
    // Someone ended the connection: say who, in the words of the API's code (./shared/i18n.ts).
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
// The system switching between light and dark (Gmail's default theme follows it).
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", schedule);
new MutationObserver((records) => {
  // Our own panel's changes are not Gmail's navigation.
  if (records.every((r) => host.contains(r.target) || r.target === host)) return;
  schedule();
}).observe(document.body, { childList: true, subtree: true });
chrome.storage.onChanged.addListener((changes) => {
  if (changes.connection || changes.ownEmails || changes.ended) {
    shownKey = null;
    schedule();
  }
});
schedule();
