/**
 * The portal transport against real local servers: what it sends, what it reads back (compressed
 * or not), and the cases where it must behave as fetch did — or deliberately not (redirects).
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { generate } from "selfsigned";
import { afterEach, describe, expect, it } from "vitest";
import { networkError } from "./http";
import { createPortalFetch, portalFetch } from "./transport";

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse, socketRequests: number) => void;

const servers: Array<http.Server | https.Server> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server on a free port; `handler` also learns how many requests its connection has carried. */
async function serve(handler: Handler, server: http.Server | https.Server = http.createServer()) {
  const perSocket = new WeakMap<Socket, number>();
  const sockets = { opened: 0, closed: 0 };
  server.on("connection", (socket: Socket) => {
    sockets.opened++;
    socket.on("close", () => sockets.closed++);
  });
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => handler(req, body, res, n));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const scheme = server instanceof https.Server ? "https" : "http";
  return { url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

const post = (body: string, extra: RequestInit = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
  body,
  ...extra,
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("portalFetch", () => {
  it("posts the form with its headers and reads the answer", async () => {
    const seen: Array<{ method?: string; type?: string; length?: string; body: string }> = [];
    const { url } = await serve((req, body, res) => {
      seen.push({ method: req.method, type: req.headers["content-type"], length: req.headers["content-length"], body });
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ result: { ID: "7" }, echo: body }));
    });
    const body = "fields[TITLE]=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82&auth=t";
    const answer = await portalFetch(`${url}/rest/crm.deal.add.json`, post(body));
    expect(answer.status).toBe(201);
    expect(answer.ok).toBe(true);
    expect(await answer.json()).toEqual({ result: { ID: "7" }, echo: body });
    expect(seen).toEqual([{ method: "POST", type: "application/x-www-form-urlencoded", length: String(Buffer.byteLength(body)), body }]);
  });

  it("reads answers compressed with gzip, deflate and brotli", async () => {
    const text = JSON.stringify({ result: Array.from({ length: 200 }, (_, i) => ({ ID: String(i), NAME: "Ирина" })) });
    const encoders = { gzip: promisify(zlib.gzip), deflate: promisify(zlib.deflate), br: promisify(zlib.brotliCompress) };
    const accepted: string[] = [];
    const { url } = await serve(async (req, _body, res) => {
      accepted.push(String(req.headers["accept-encoding"]));
      const encoding = req.url!.slice(1) as keyof typeof encoders;
      res.writeHead(200, { "content-type": "application/json", "content-encoding": encoding }).end(await encoders[encoding](text));
    });
    for (const encoding of Object.keys(encoders)) expect(await (await portalFetch(`${url}/${encoding}`, post(""))).text()).toBe(text);
    expect(accepted).toEqual(Array(3).fill("gzip, deflate, br"));
  });

  it("hands a redirect back instead of sending the token on to it", async () => {
    const requested: string[] = [];
    const { url } = await serve((req, _body, res) => {
      requested.push(req.url!);
      res.writeHead(307, { location: "/elsewhere" }).end();
    });
    const answer = await portalFetch(`${url}/rest/profile.json`, post("auth=secret"));
    expect(answer.status).toBe(307);
    expect(answer.ok).toBe(false);
    expect(requested).toEqual(["/rest/profile.json"]);
  });

  it("sends again on a fresh connection when a kept-alive one was closed by the server", async () => {
    // The server drops the connection when a second request arrives on it, unanswered — what a
    // server closing an idle connection looks like from our side.
    const { url, sockets } = await serve((req, _body, res, n) => (n > 1 ? req.socket.destroy() : res.end('{"result":true}')));
    const send = createPortalFetch();
    expect((await send(`${url}/a`, post("1"))).status).toBe(200);
    expect(await (await send(`${url}/b`, post("2"))).text()).toBe('{"result":true}');
    expect(sockets.opened).toBe(2);
  });

  it("closes a connection left idle, but not one waiting for a slow answer", async () => {
    const { url, sockets } = await serve((_req, _body, res) => setTimeout(() => res.end('{"result":1}'), 150));
    const send = createPortalFetch({ idleMs: 50 });
    expect(await (await send(`${url}/slow`, post(""))).json()).toEqual({ result: 1 });
    await until(() => sockets.closed === 1);
    expect(sockets.opened).toBe(1);
  });

  it("rejects an answer cut short, rather than waiting for its end", async () => {
    const { url } = await serve((req, _body, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"result":');
      setImmediate(() => req.socket.destroy());
    });
    const error = await portalFetch(`${url}/cut`, post("")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(networkError(error, "profile").code).toBe("NETWORK_ERROR");
  });

  it("rejects with the signal's reason when it times out", async () => {
    const { url } = await serve(() => undefined);
    const error = await portalFetch(`${url}/never`, post("", { signal: AbortSignal.timeout(50) })).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
    expect(networkError(error, "profile").code).toBe("NETWORK_ERROR");
  });

  it("reports a refused connection and an untrusted certificate as fetch did", async () => {
    const closed = await serve(() => undefined);
    servers.pop()!.close();
    const refused = await portalFetch(`${closed.url}/`, post("")).catch((e: unknown) => e);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
    expect(networkError(refused, "profile").code).toBe("NETWORK_ERROR");

    const self = await generate([{ name: "commonName", value: "127.0.0.1" }], { keySize: 2048, algorithm: "sha256" });
    const { url } = await serve((_req, _body, res) => res.end("{}"), https.createServer({ key: self.private, cert: self.cert }));
    const untrusted = await portalFetch(`${url}/`, post("")).catch((e: unknown) => e);
    expect(networkError(untrusted, "profile").code).toBe("TLS_ERROR");
  });
});
