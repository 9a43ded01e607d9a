/**
 * Test-only: a tiny HTTP server that plays the app's events route (app/api/bitrix24/events/route.ts):
 * form body → parseEventForm → handleEvent, 200 or 401, with ONAPPUNINSTALL wired to
 * lib/portal-data's deletePortalData exactly as the route wires it. It records what it answered.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { deletePortalData } from "../../lib/portal-data";
import { EventAuthError, handleEvent, parseEventForm, type EventOutcome, type LifecycleDeps } from "../../lib/lifecycle";
import type { TestDatabase } from "./db";

/** What the test's events route answered, per request. */
export interface ReceivedEvent {
  event: string;
  status: number;
  outcome?: EventOutcome;
  error?: string;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface EventsRoute {
  /** http://127.0.0.1:PORT — the app's public base URL (its events route hangs off it). */
  appUrl: string;
  /** Every request the route answered, oldest first. */
  received: ReceivedEvent[];
  close(): Promise<void>;
}

/** Starts the route on a free port; `deps` is read per request (the services are built once the emulator runs). */
export async function startEventsRoute(db: TestDatabase, deps: () => LifecycleDeps): Promise<EventsRoute> {
  const received: ReceivedEvent[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      // As the route: request.formData() of a form-encoded body.
      const form = await new Request("http://app.invalid/", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      }).formData();
      const event = parseEventForm([...form].filter((e): e is [string, string] => typeof e[1] === "string"));
      let status = 200;
      try {
        const outcome = await handleEvent(deps(), event, { onUninstall: async (portalId) => void (await deletePortalData({ prisma: db.prisma }, portalId)) });
        received.push({ event: event.event, status, outcome });
      } catch (error) {
        status = error instanceof EventAuthError ? 401 : 500;
        received.push({ event: event.event, status, error: error instanceof Error ? `${error.name}: ${error.message}` : "unknown" });
      }
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: status === 200 }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    appUrl,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
