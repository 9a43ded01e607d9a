/**
 * Log injection through the one door that logs what a stranger sent: the events route
 * (app/api/bitrix24/events/route.ts), called as Next calls it, with the app's services built from
 * the environment (a test database, the emulator's OAuth server). A line break in an event name
 * must not forge a log line, a 200 KB name must not become a 200 KB line: only validated values
 * are logged, quoted and cut (lib/log.ts).
 */
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import { POST as eventsRoute } from "../app/api/bitrix24/events/route";
import { generateKeyBase64 } from "../lib/crypto";
import { resetEnvCache } from "../lib/env";
import { CLIENT_ID, CLIENT_SECRET, lifecycleHarness, type LifecycleHarness } from "./support/lifecycle-harness";
import { resetServices } from "../lib/services";

const FORGED = '2026-01-01T00:00:00.000Z INFO [events] handled event="ONAPPINSTALL" outcome="installed"';
let h: LifecycleHarness;
let written: string[] = [];

beforeAll(async () => {
  const key = generateKeyBase64();
  h = await lifecycleHarness({ portals: ["acme"], keyBase64: key });
  await h.installPortal("acme");
  Object.assign(process.env, {
    DATABASE_URL: h.db.url,
    B24_CLIENT_ID: CLIENT_ID,
    B24_CLIENT_SECRET: CLIENT_SECRET,
    B24_OAUTH_URL: h.emu.httpUrl,
    TOKEN_ENCRYPTION_KEY: key,
    APP_URL: h.appUrl,
    NEXTAUTH_SECRET: "log-injection-test-secret-0123456789",
    LOG_LEVEL: "debug",
  });
  resetEnvCache();
  resetServices();
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});
beforeEach(() => {
  written = [];
});

async function postEvent(fields: Record<string, string>): Promise<number> {
  const response = await eventsRoute(
    new Request(`${h.appUrl}/api/bitrix24/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
  return response.status;
}

function expectOneLineEach() {
  for (const chunk of written) {
    expect(chunk.endsWith("\n")).toBe(true);
    expect(chunk.slice(0, -1)).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(chunk.length).toBeLessThan(2000);
  }
}

it("an event name with an injected line break is refused and forges no line", async () => {
  const token = (await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken;
  const status = await postEvent({ event: `ONAPPTEST\n${FORGED}`, "auth[member_id]": h.portal("acme").memberId, "auth[application_token]": token });
  expect(status).toBe(400);
  expectOneLineEach();
  expect(written.join("")).not.toContain("[events] handled");
});

it("a 40 KB event name is refused, not logged", async () => {
  expect(await postEvent({ event: "A".repeat(40_000), "auth[member_id]": h.portal("acme").memberId, "auth[application_token]": "x" })).toBe(400);
  expectOneLineEach();
});

it("a refused and an accepted event each log one line of validated values", async () => {
  const memberId = h.portal("acme").memberId;
  expect(await postEvent({ event: "ONAPPTEST", "auth[member_id]": memberId, "auth[application_token]": `wrong\n${FORGED}`, "data[X]": `\n${FORGED}` })).toBe(
    401,
  );
  const token = (await h.installs("acme")).find((i) => i.clientId === CLIENT_ID)!.applicationToken;
  expect(await postEvent({ event: "onapptest", "auth[member_id]": memberId, "auth[application_token]": token, "data[X]": `\r\n${FORGED}` })).toBe(200);
  expectOneLineEach();
  const lines = written.join("").trimEnd().split("\n");
  expect(lines.some((l) => l.includes("[events] refused"))).toBe(true);
  expect(lines.some((l) => l.includes('[events] handled event="ONAPPTEST" outcome="ignored"'))).toBe(true);
  expect(lines.every((l) => !l.startsWith("2026-01-01T00:00:00.000Z"))).toBe(true);
});
