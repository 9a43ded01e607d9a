/**
 * Reading the body of a request nobody has authenticated yet (the portal's POSTs, events): the
 * size is capped BEFORE anything is parsed, and only the shapes the platform sends are parsed.
 * `request.formData()` would read a body of any size and throws (HTTP 500) on a multipart type
 * without a boundary; here each refusal is a RequestInputError (lib/errors) with its 4xx status.
 */
import { RequestInputError } from "../errors/client";

/** The body's bytes, refused (413) when the declared or the streamed size passes `maxBytes`. */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d{1,15}$/.test(declared.trim()) || Number(declared) > maxBytes)) {
    // Refused on the header alone: nothing of the body is read.
    throw new RequestInputError(413, `the body is larger than ${maxBytes} bytes`);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new RequestInputError(413, `the body is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RequestInputError(400, "the body is not valid UTF-8");
  }
}

/**
 * The string fields of a form body (`application/x-www-form-urlencoded`, or `multipart/form-data`
 * as a browser may send a form), at most `maxBytes` of it. An empty body is no fields; any other
 * content type with a body is refused (415).
 */
export async function readFormFields(request: Request, maxBytes: number): Promise<Array<[string, string]>> {
  const bytes = await readCappedBody(request, maxBytes);
  if (bytes.byteLength === 0) return [];
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const text = decodeUtf8(bytes);
    try {
      // URLSearchParams replaces malformed %-escapes instead of throwing; decodeURIComponent
      // over the raw pairs tells a broken body from a valid one.
      for (const pair of text.split("&")) if (pair) decodeURIComponent(pair.replace(/\+/g, " "));
    } catch {
      throw new RequestInputError(400, "the form body has a malformed %-escape");
    }
    return [...new URLSearchParams(text)];
  }
  if (contentType.startsWith("multipart/form-data")) {
    if (!/;\s*boundary=/.test(contentType)) throw new RequestInputError(400, "multipart/form-data without a boundary");
    let form: FormData;
    try {
      form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      throw new RequestInputError(400, "the multipart body cannot be read");
    }
    return [...form].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  }
  throw new RequestInputError(415, "expected a form (application/x-www-form-urlencoded or multipart/form-data)");
}
