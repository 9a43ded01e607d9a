/**
 * The doors anyone can knock on (doors.ts), against a real database and the emulator's OAuth
 * server: what cannot be a portal's request is refused before any outbound call (counted by the
 * emulator's control API: /_emulator/oauth-requests), forged requests past the budget are refused
 * without one, a foreign page cannot post a sign-in (login CSRF), and events are capped.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RequestInputError, TooManyRequestsError } from "../errors";
import { VerificationBudget, type VerificationLimits } from "../security";
import { acceptEvent, acceptPortalPost, EVENT_MAX_BYTES, type DoorGuard } from "./doors";
import { PortalAuthError } from "./verify-portal-auth";
import { ADMIN_ID, CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";

let h: LifecycleHarness;
beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"] });
  await h.installPortal("acme");
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.control("DELETE", "oauth-requests");
});

const oauthRequests = async () => (await h.control<{ total: number }>("GET", "oauth-requests")).total;
const hooks = { onUninstall: async () => undefined };
const generous: VerificationLimits = {
  perSource: { capacity: 1000, refillPerSecond: 1 },
  perPortal: { capacity: 1000, refillPerSecond: 1 },
  overall: { capacity: 1000, refillPerSecond: 1 },
};
const guard = (limits = generous, source = "203.0.113.7"): DoorGuard => ({ budget: new VerificationBudget(limits), source });

/** A POST to the handler URL as a browser or a script would send it. */
function handlerPost(fields: Record<string, string>, options: { query?: Record<string, string>; headers?: Record<string, string> } = {}): Request {
  const p = h.portal("acme");
  const query = new URLSearchParams({ DOMAIN: p.domain, PROTOCOL: p.protocol === "https" ? "1" : "0", LANG: "en", ...options.query });
  return new Request(`${h.appUrl}/app?${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Fields of a forged open: the right portal's member_id, tokens nobody issued. */
const forgedFields = () => ({ AUTH_ID: randomBytes(35).toString("hex"), REFRESH_ID: randomBytes(35).toString("hex"), member_id: h.portal("acme").memberId });
const genuineFields = async (userId = ADMIN_ID) => (await h.appOpen("acme", userId)).form;

async function refusal(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("the handler URL's POST", () => {
  it("names the missing field and spends no outbound call", async () => {
    const { REFRESH_ID: _dropped, ...withoutRefresh } = forgedFields();
    const error = await refusal(acceptPortalPost(h.deps, handlerPost(withoutRefresh), "open", guard()));
    expect(error).toBeInstanceOf(RequestInputError);
    expect((error as RequestInputError).status).toBe(400);
    expect((error as RequestInputError).message).toBe("REFRESH_ID is missing");
    const noDomain = await refusal(acceptPortalPost(h.deps, handlerPost(forgedFields(), { query: { DOMAIN: "" } }), "open", guard()));
    expect((noDomain as Error).message).toBe("DOMAIN is missing");
    expect(await oauthRequests()).toBe(0);
  });

  it("refuses fields that cannot be a portal's (shape, length) before any outbound call", async () => {
    for (const bad of [{ member_id: "x\ny" }, { AUTH_ID: "a".repeat(513) }, { REFRESH_ID: "tok en" }]) {
      const error = await refusal(acceptPortalPost(h.deps, handlerPost({ ...forgedFields(), ...bad }), "open", guard()));
      expect(error).toBeInstanceOf(RequestInputError);
      expect((error as RequestInputError).message).toMatch(/malformed|too long/);
    }
    const badDomain = await refusal(acceptPortalPost(h.deps, handlerPost(forgedFields(), { query: { DOMAIN: "evil.test/<script>" } }), "open", guard()));
    expect((badDomain as Error).message).toBe("DOMAIN is malformed");
    expect(await oauthRequests()).toBe(0);
  });

  it("refuses a body past its cap (413) and multipart without a boundary (400)", async () => {
    const big = handlerPost({ ...forgedFields(), PLACEMENT_OPTIONS: "x".repeat(64 * 1024) });
    expect(await refusal(acceptPortalPost(h.deps, big, "open", guard()))).toMatchObject({ status: 413 });
    const multipart = new Request(`${h.appUrl}/app`, { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "--x\r\n" });
    expect(await refusal(acceptPortalPost(h.deps, multipart, "open", guard()))).toMatchObject({
      status: 400,
      message: "multipart/form-data without a boundary",
    });
    expect(await oauthRequests()).toBe(0);
  });

  it("refuses a browser POST from a page that is not the portal it names (login CSRF), before any outbound call", async () => {
    const fromElsewhere = handlerPost(await genuineFields(), { headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" } });
    expect(await refusal(acceptPortalPost(h.deps, fromElsewhere, "open", guard()))).toMatchObject({
      status: 400,
      message: "the POST does not come from the portal it names",
    });
    const opaque = handlerPost(await genuineFields(), { headers: { origin: "null", "sec-fetch-site": "cross-site" } });
    expect(await refusal(acceptPortalPost(h.deps, opaque, "open", guard()))).toBeInstanceOf(RequestInputError);
    const noOrigin = handlerPost(await genuineFields(), { headers: { "sec-fetch-site": "cross-site" } });
    expect(await refusal(acceptPortalPost(h.deps, noOrigin, "open", guard()))).toBeInstanceOf(RequestInputError);
    expect(await oauthRequests()).toBe(0);

    // The portal's own page (its origin) signs in, as does a caller that is no browser at all.
    const portalOrigin = `http://${h.portal("acme").domain}`;
    const session = await acceptPortalPost(
      h.deps,
      handlerPost(await genuineFields(), { headers: { origin: portalOrigin, "sec-fetch-site": "cross-site" } }),
      "open",
      guard(),
    );
    expect(session).toMatchObject({ userId: ADMIN_ID, portalOrigin });
    expect((await acceptPortalPost(h.deps, handlerPost(await genuineFields()), "open", guard())).userId).toBe(ADMIN_ID);
  });

  it("forged POSTs past the source's budget are refused without an outbound call; genuine opens do not use it up", async () => {
    const limits: VerificationLimits = {
      perSource: { capacity: 5, refillPerSecond: 0.001 },
      perPortal: { capacity: 1000, refillPerSecond: 1 },
      overall: { capacity: 1000, refillPerSecond: 1 },
    };
    const door = guard(limits);
    // Genuine opens first: each is given back.
    for (let i = 0; i < 8; i++) expect((await acceptPortalPost(h.deps, handlerPost(await genuineFields()), "open", door)).userId).toBe(ADMIN_ID);
    await h.control("DELETE", "oauth-requests");
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const error = await refusal(acceptPortalPost(h.deps, handlerPost(forgedFields()), "open", door));
      outcomes.push(error instanceof TooManyRequestsError ? "429" : error instanceof PortalAuthError ? "401" : String(error));
    }
    expect(outcomes).toEqual([...Array(5).fill("401"), ...Array(15).fill("429")]);
    expect(await oauthRequests()).toBe(5);
    // Another source is not blocked by this one's flood.
    expect((await acceptPortalPost(h.deps, handlerPost(await genuineFields()), "open", { budget: door.budget, source: "198.51.100.1" })).userId).toBe(ADMIN_ID);
  });

  it("a flood spread over many sources is held by the per-portal and overall budgets", async () => {
    const limits: VerificationLimits = {
      perSource: { capacity: 1000, refillPerSecond: 1 },
      perPortal: { capacity: 4, refillPerSecond: 0.001 },
      overall: { capacity: 6, refillPerSecond: 0.001 },
    };
    const budget = new VerificationBudget(limits);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const fields = i < 6 ? forgedFields() : { ...forgedFields(), member_id: randomBytes(16).toString("hex") };
      const error = await refusal(acceptPortalPost(h.deps, handlerPost(fields), "open", { budget, source: `192.0.2.${i}` }));
      statuses.push(error instanceof TooManyRequestsError ? 429 : 401);
    }
    // 4 for acme, then acme is refused; other portals get the 2 left of the overall budget.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 401, 401, 429, 429, 429, 429]);
    expect(await oauthRequests()).toBe(6);
  });
});

describe("the events URL", () => {
  function eventPost(body: BodyInit, headers: Record<string, string> = {}): Request {
    return new Request(`${h.appUrl}/api/bitrix24/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });
  }

  it("refuses a 10 MB body on its declared length before reading any of it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
        if (pulled >= 10 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request(`${h.appUrl}/api/bitrix24/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(10 * 1024 * 1024) },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await refusal(acceptEvent(h.deps, request, hooks, guard()))).toMatchObject({ status: 413 });
    // The stream's first pull happens when it is created; nothing past it was asked for.
    expect(pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a 10 MB body without a declared length at the cap", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
        if (pulled >= 10 * 1024 * 1024) controller.close();
      },
    });
    const request = new Request(`${h.appUrl}/api/bitrix24/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await refusal(acceptEvent(h.deps, request, hooks, guard()))).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThanOrEqual(EVENT_MAX_BYTES + 3 * 16 * 1024);
  });

  it("refuses an event name with a line break or of absurd length, and missing auth fields by name", async () => {
    const base = { "auth[member_id]": h.portal("acme").memberId, "auth[application_token]": "x" };
    expect(
      await refusal(
        acceptEvent(h.deps, eventPost(new URLSearchParams({ ...base, event: "ONAPPUNINSTALL\n[events] ONAPPINSTALL: installed" }).toString()), hooks, guard()),
      ),
    ).toMatchObject({ status: 400, message: "event is malformed" });
    expect(await refusal(acceptEvent(h.deps, eventPost(new URLSearchParams({ ...base, event: "A".repeat(60_000) }).toString()), hooks, guard()))).toMatchObject(
      { status: 400, message: "event is malformed" },
    );
    expect(
      await refusal(
        acceptEvent(
          h.deps,
          eventPost(new URLSearchParams({ event: "ONAPPUNINSTALL", "auth[member_id]": h.portal("acme").memberId }).toString()),
          hooks,
          guard(),
        ),
      ),
    ).toMatchObject({ message: "auth[application_token] is missing" });
    expect(await refusal(acceptEvent(h.deps, eventPost("event=%E0%A4%A", {}), hooks, guard()))).toMatchObject({ status: 400 });
    expect(await refusal(acceptEvent(h.deps, eventPost("{}", { "content-type": "application/json" }), hooks, guard()))).toMatchObject({ status: 415 });
  });

  it("forged ONAPPINSTALLs past the budget are refused without an outbound call", async () => {
    const budget = new VerificationBudget({
      perSource: { capacity: 3, refillPerSecond: 0.001 },
      perPortal: { capacity: 100, refillPerSecond: 1 },
      overall: { capacity: 100, refillPerSecond: 1 },
    });
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const fields = {
        event: "ONAPPINSTALL",
        "auth[member_id]": h.portal("acme").memberId,
        "auth[application_token]": randomBytes(16).toString("hex"),
        "auth[access_token]": randomBytes(35).toString("hex"),
        "auth[refresh_token]": randomBytes(35).toString("hex"),
        "auth[domain]": h.portal("acme").domain,
      };
      const error = await refusal(acceptEvent(h.deps, eventPost(new URLSearchParams(fields).toString()), hooks, { budget, source: "203.0.113.9" }));
      statuses.push(error instanceof TooManyRequestsError ? "429" : (error as Error).name);
    }
    expect(statuses).toEqual(["EventAuthError", "EventAuthError", "EventAuthError", "429", "429", "429"]);
    expect(await oauthRequests()).toBe(3);
  });
});
