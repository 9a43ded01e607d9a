/**
 * Reading the open Gmail thread — and only that. Gmail marks people with elements carrying an
 * `email` attribute (`span.gD` the sender, `span.g2` recipients) inside the message view
 * (`[role="main"]`, messages `.adn[data-message-id]`, subject `h2.hP`, date `.g3[title]`, body
 * `.a3s`). A thread is open when the URL's hash names one (`#inbox/FMfcgz…`); the inbox list also
 * shows addresses, but we never read them.
 */
export interface Participant {
  email: string;
  name: string;
  role: "from" | "to" | "cc";
}

export interface OpenThread {
  /** Changes when the user opens another thread or the thread gets a new message. */
  key: string;
  subject: string;
  /** Everyone but the user, in the order the thread shows them, at most MAX_THREAD_PARTICIPANTS. */
  participants: Participant[];
  /** How many more there were (not looked up). */
  more: number;
  /** The thread's messages, oldest first (any of them can be logged). */
  messages: ThreadMessage[];
}

/** A message as the thread lists it: enough to pick it, nothing of its text. */
export interface ThreadMessage {
  /** Gmail's id of it in this mailbox (`#msg-f:…`): each mailbox has its own. */
  gmailId: string;
  from: string;
  date: string;
}

export interface MessageForLog {
  gmailId: string;
  subject: string;
  from: { email: string; name: string };
  to: Array<{ email: string; name: string }>;
  cc: Array<{ email: string; name: string }>;
  date: string;
  /** The text the user sees; empty when Gmail shows the message collapsed. */
  body: string;
}

/** Participants looked up per thread: five lookups of 20 (lib/mail lookup's MAX_PARTICIPANTS). */
export const MAX_THREAD_PARTICIPANTS = 100;

const THREAD_HASH = /^#[^/]+(?:\/[^/]+)*\/([A-Za-z0-9_-]{16,})$/;

export function threadIdFromHash(hash: string): string | null {
  return THREAD_HASH.exec(hash)?.[1] ?? null;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const emailOf = (el: Element) => clean(el.getAttribute("email")).toLowerCase();
const nameOf = (el: Element) => clean(el.getAttribute("name") || el.textContent);

function roleOf(el: Element): Participant["role"] {
  if (el.classList.contains("gD")) return "from";
  // Expanded message details list recipients in rows labelled "to:" / "cc:".
  const label = clean(el.closest("tr")?.querySelector("td")?.textContent).toLowerCase();
  return label.startsWith("cc") ? "cc" : "to";
}

function messagesOf(root: Element): Element[] {
  return [...root.querySelectorAll(".adn[data-message-id], [data-message-id]")].filter((m, i, all) => !all.some((o, j) => j !== i && o.contains(m) && o !== m));
}

const dateOf = (message: Element) =>
  message.querySelector(".g3[title]")?.getAttribute("title") ?? message.querySelector("[data-date]")?.getAttribute("data-date") ?? "";

/** The account's own address(es): from storage, and Gmail's title "Inbox - me@example.com - Gmail". */
export function accountEmail(doc: Document): string | null {
  const m = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/.exec(doc.title);
  return m ? m[1].toLowerCase() : null;
}

export function readOpenThread(doc: Document, own: Set<string>): OpenThread | null {
  const id = threadIdFromHash(doc.location.hash);
  if (!id) return null;
  const root = doc.querySelector('[role="main"]');
  if (!root) return null;
  const messages = messagesOf(root);
  if (messages.length === 0) return null;
  const seen = new Map<string, Participant>();
  for (const message of messages) {
    for (const el of message.querySelectorAll("[email]")) {
      const email = emailOf(el);
      if (!email.includes("@") || own.has(email)) continue;
      const existing = seen.get(email);
      if (!existing) seen.set(email, { email, name: nameOf(el), role: roleOf(el) });
      else if (!existing.name) existing.name = nameOf(el);
    }
  }
  const subject = clean(root.querySelector("h2.hP")?.textContent);
  const listed = messages.map((m) => ({
    gmailId: (m.getAttribute("data-message-id") ?? "").replace(/^#/, ""),
    from: nameOf(m.querySelector(".gD[email]") ?? m),
    date: dateOf(m),
  }));
  const all = [...seen.values()];
  return {
    key: `${id}|${listed.map((m) => m.gmailId).join(",")}|${[...seen.keys()].join(",")}`,
    subject,
    participants: all.slice(0, MAX_THREAD_PARTICIPANTS),
    more: Math.max(0, all.length - MAX_THREAD_PARTICIPANTS),
    messages: listed,
  };
}

/** One message of the open thread, as the user sees it (only read on "Log email"). */
export function readMessage(doc: Document, gmailId: string): MessageForLog | null {
  const root = doc.querySelector('[role="main"]');
  const message = root ? messagesOf(root).find((m) => (m.getAttribute("data-message-id") ?? "").replace(/^#/, "") === gmailId) : undefined;
  if (!root || !message) return null;
  const from = message.querySelector(".gD[email]");
  const recipients = [...message.querySelectorAll("[email]")].filter((el) => !el.classList.contains("gD"));
  const addr = (el: Element) => ({ email: emailOf(el), name: nameOf(el) });
  const dedupe = (list: Array<{ email: string; name: string }>) =>
    list.filter((a, i) => a.email.includes("@") && list.findIndex((b) => b.email === a.email) === i);
  const parsed = Date.parse(dateOf(message).replace(/ at /, " "));
  return {
    gmailId,
    subject: clean(root.querySelector("h2.hP")?.textContent),
    from: from ? addr(from) : { email: "", name: "" },
    to: dedupe(recipients.filter((el) => roleOf(el) !== "cc").map(addr)),
    cc: dedupe(recipients.filter((el) => roleOf(el) === "cc").map(addr)),
    date: new Date(Number.isFinite(parsed) ? parsed : Date.now()).toISOString(),
    body: ((message.querySelector(".a3s") as HTMLElement | null)?.innerText ?? "").trim().slice(0, 100_000),
  };
}
