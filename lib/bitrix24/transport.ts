/**
 * How requests reach a portal and its OAuth server: node:http/https over kept-alive connections,
 * answering the small part of a fetch Response the client reads (status, text, json).
 *
 * Why not the global fetch: a REST call is one small form POST and one JSON answer, and the WHATWG
 * machinery around it (request cloning, body streams, abort plumbing) cost about 0.4 ms of CPU per
 * request here, as much as parsing the answer — and inside Next.js the global fetch is wrapped
 * again for its data cache. The Gmail sidebar makes one request per open thread, fifty sidebars at
 * a time (npm run bench:mail). Tests still pass their own fetch (FetchLike) to count or break calls.
 *
 * What fetch did that matters here is kept: answers may be compressed (gzip, deflate, br), a
 * signal aborts the request with its reason, a connection the server closed while it sat idle is
 * retried on a fresh one (the request never reached the server). Redirects are not followed: a
 * REST answer is never a redirect, and following one would send the access token to wherever it
 * points; the 3xx reaches the caller, which reports a bad answer.
 */
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

/** The part of a fetch Response the client reads. */
export interface FetchAnswer {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** fetch, or anything shaped like it (tests count, delay or break calls through their own). */
export type FetchLike = (input: string, init: RequestInit) => Promise<FetchAnswer>;

type Agents = Record<"http:" | "https:", http.Agent>;

/** A connection reused from the pool and found closed is tried again this many times. */
const STALE_RETRIES = 2;

class Answer implements FetchAnswer {
  constructor(
    readonly status: number,
    private readonly body: Buffer,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async text(): Promise<string> {
    return this.body.toString("utf8");
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString("utf8"));
  }
}

function decoded(res: http.IncomingMessage): NodeJS.ReadableStream {
  switch ((res.headers["content-encoding"] ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip());
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

function once(agents: Agents, url: URL, init: RequestInit, body: string | undefined): Promise<{ answer?: Answer; stale?: boolean; error?: unknown }> {
  const client = url.protocol === "https:" ? https : http;
  const headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br" };
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise((resolve) => {
    const req = client.request(
      url,
      { method: init.method ?? "GET", headers, agent: agents[url.protocol as keyof Agents], signal: init.signal ?? undefined },
      (res) => {
        const chunks: Buffer[] = [];
        const stream = decoded(res);
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve({ answer: new Answer(res.statusCode ?? 0, Buffer.concat(chunks)) }));
        stream.on("error", (error) => resolve({ error }));
        // Also when the connection closes before the answer's end ("aborted"), or the signal fires meanwhile.
        res.on("error", (error) => resolve({ error }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // Node's advice for kept-alive connections: a reused socket reset before any answer was the
      // server closing it as idle — the request was never read, so it is safe to send again.
      const stale = req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE") && !init.signal?.aborted;
      resolve({ stale, error });
    });
    req.end(body);
  });
}

/**
 * A fetch for portal and OAuth requests, with its own pool of connections (string bodies; the
 * file's comment says what differs from the global fetch). `idleMs`: a free connection is closed
 * after this long unused — sooner if the server announces a shorter `Keep-Alive: timeout` — so that
 * we rarely write into a connection the server is closing (Node's servers close after 5 s, nginx's
 * after 75 s).
 */
export function createPortalFetch(options: { idleMs?: number } = {}): FetchLike {
  const timeout = options.idleMs ?? 4_000;
  const agents: Agents = { "http:": new http.Agent({ keepAlive: true, timeout }), "https:": new https.Agent({ keepAlive: true, timeout }) };
  return async (input, init) => {
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") throw new TypeError("portalFetch sends string bodies only");
    const url = new URL(input);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError(`portalFetch: no ${url.protocol} requests`);
    const body = (init.body as string | null | undefined) ?? undefined;
    for (let attempt = 0; ; attempt++) {
      const { answer, stale, error } = await once(agents, url, init, body);
      if (answer) return answer;
      if (stale && attempt < STALE_RETRIES) continue;
      // As fetch does: an aborted request rejects with the signal's reason (a TimeoutError after
      // AbortSignal.timeout); anything else with the system error as its cause (networkError reads the code).
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError("fetch failed", { cause: error });
    }
  };
}

/** The process's portal fetch: every portal and OAuth request of ours that a caller does not route elsewhere. */
export const portalFetch: FetchLike = createPortalFetch();
