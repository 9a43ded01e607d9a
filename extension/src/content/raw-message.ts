/**
 * Reading a message's RFC 5322 source (Gmail's "Show original"): its headers, unfolded (RFC 5322
 * §2.2.3), and the text of its first text/plain part (or, lacking one, text/html without tags),
 * decoded from base64 or quoted-printable (RFC 2045 §6) in its charset. Small on purpose: it is
 * enough for the Message-ID and for the text of a message Gmail shows collapsed.
 */
export interface RawMessage {
  headers: Map<string, string>;
  /** The `Message-ID` header, `<id-left@id-right>` (RFC 5322 §3.6.4), or null. */
  messageId: string | null;
  text: string;
}

function splitHead(raw: string): [string, string] {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0 ? [raw, ""] : [raw.slice(0, at), raw.slice(at).replace(/^\r?\n\r?\n/, "")];
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

const param = (value: string, name: string) => new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, "i").exec(value)?.[1] ?? "";

function decode(body: string, encoding: string, charset: string): string {
  let bytes: Uint8Array;
  const enc = encoding.toLowerCase();
  if (enc === "base64") {
    const bin = atob(body.replace(/[^A-Za-z0-9+/=]/g, ""));
    bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } else if (enc === "quoted-printable") {
    const soft = body.replace(/=\r?\n/g, "");
    const out: number[] = [];
    for (let i = 0; i < soft.length; i++) {
      const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(parseInt(hex, 16));
        i += 2;
      } else out.push(soft.charCodeAt(i) & 0xff);
    }
    bytes = Uint8Array.from(out);
  } else return body;
  try {
    return new TextDecoder(charset || "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** The first part of `type` in this entity (depth-first through multiparts), decoded. */
function findPart(headers: Map<string, string>, body: string, type: string): string | null {
  const contentType = headers.get("content-type") ?? "text/plain";
  if (/^multipart\//i.test(contentType)) {
    const boundary = param(contentType, "boundary");
    if (!boundary) return null;
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?[ \\t]*\\r?\\n?`));
    for (const part of parts.slice(1)) {
      const [head, content] = splitHead(part);
      const found = findPart(parseHeaders(head), content, type);
      if (found !== null) return found;
    }
    return null;
  }
  if (!contentType.toLowerCase().startsWith(type)) return null;
  return decode(body, headers.get("content-transfer-encoding") ?? "", param(contentType, "charset"));
}

export function parseRawMessage(raw: string): RawMessage {
  const [head, body] = splitHead(raw);
  const headers = parseHeaders(head);
  const id = /<[^<>\s]+@[^<>\s]+>/.exec(headers.get("message-id") ?? "")?.[0] ?? null;
  const plain = findPart(headers, body, "text/plain");
  const html = plain === null ? findPart(headers, body, "text/html") : null;
  const text =
    plain ??
    (html ?? "")
      .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;/g, " ");
  return { headers, messageId: id, text: text.replace(/\r\n/g, "\n").trim() };
}
