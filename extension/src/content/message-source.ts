/**
 * A message's RFC 5322 source, from Gmail itself ("Show original": `?view=om&permmsgid=msg-f:…`
 * under the account's path, the page Gmail opens from a message's menu; its `#raw_message_text`
 * holds the source). We read it only when the user clicks "Log email", for the message's
 * `Message-ID` — the same in every mailbox of the portal, so one email is logged once however many
 * colleagues received it (Gmail's own message ids differ per mailbox) — and for the text of a
 * message Gmail shows collapsed. The request goes to Gmail (same origin), never to us.
 */
import { parseRawMessage, type RawMessage } from "./raw-message";

/** Gmail's account key (`ik`) from its page data (GLOBALS[9]), when the page has it. */
function accountKey(doc: Document): string | null {
  for (const script of doc.querySelectorAll("script:not([src])")) {
    const m = /GLOBALS\s*=\s*\[(?:[^,\]]*,){9}\s*"([0-9a-f]{6,16})"/.exec(script.textContent ?? "");
    if (m) return m[1];
  }
  return null;
}

export async function readMessageSource(doc: Document, gmailId: string): Promise<RawMessage | null> {
  const account = /^\/mail\/u\/\d+\//.exec(doc.location.pathname)?.[0] ?? "/mail/u/0/";
  const url = new URL(account, doc.location.origin);
  const ik = accountKey(doc);
  if (ik) url.searchParams.set("ik", ik);
  url.searchParams.set("view", "om");
  url.searchParams.set("permmsgid", gmailId);
  try {
    const res = await fetch(url, { credentials: "include" });
    if (!res.ok) return null;
    const text = await res.text();
    const raw = /<html[\s>]/i.test(text.slice(0, 500))
      ? (new DOMParser().parseFromString(text, "text/html").getElementById("raw_message_text")?.textContent ?? "")
      : text;
    return raw ? parseRawMessage(raw) : null;
  } catch {
    return null;
  }
}
