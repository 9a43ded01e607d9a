/**
 * Sessions end SESSION_MAX_AGE_SECONDS after their sign-in, however often they are used: polling
 * GET /api/auth/session never re-issues the cookie, and a cookie re-sealed with a fresh JWT
 * expiry (what next-auth's endpoint used to do) still ends at the sign-in's deadline.
 */
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { GET as sessionRoute } from "../app/api/auth/session/route";
import { resetEnvCache } from "./env";
import { decodeSession, encodeSession, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, type PortalSession } from "./session-cookie";

const SECRET = "session-lifetime-test-secret-0123456789";
beforeAll(() => {
  process.env.NEXTAUTH_SECRET = SECRET;
  resetEnvCache();
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(() => vi.useRealTimers());

const T0 = Date.parse("2026-03-02T08:00:00Z");
const session: PortalSession = {
  portalId: "p1",
  memberId: "m1",
  userId: 7,
  userName: "",
  isAdmin: true,
  lang: "en",
  portalOrigin: "https://acme.bitrix24.test",
  signedInAt: T0,
};

async function poll(cookie: string): Promise<Response> {
  return sessionRoute(new Request("http://app.test/api/auth/session", { headers: { cookie: `other=1; ${SESSION_COOKIE}=${cookie}` } }));
}

it("a session polled every ten minutes is refused once its absolute lifetime is over", async () => {
  vi.setSystemTime(T0);
  const cookie = await encodeSession(session);
  let at = T0;
  let lastOk = 0;
  while (at < T0 + (SESSION_MAX_AGE_SECONDS + 3600) * 1000) {
    vi.setSystemTime(at);
    const answer = await poll(cookie);
    expect(answer.headers.get("set-cookie")).toBeNull();
    if (answer.status === 200) lastOk = at;
    else expect(answer.status).toBe(401);
    at += 10 * 60 * 1000;
  }
  expect(lastOk).toBeLessThan(T0 + SESSION_MAX_AGE_SECONDS * 1000);
  expect(lastOk).toBeGreaterThanOrEqual(T0 + SESSION_MAX_AGE_SECONDS * 1000 - 10 * 60 * 1000);
});

it("a cookie re-sealed with a fresh expiry still ends at the sign-in's deadline", async () => {
  vi.setSystemTime(T0 + (SESSION_MAX_AGE_SECONDS - 60) * 1000);
  const renewed = await encode({ token: { ...session }, secret: SECRET, maxAge: 30 * 24 * 3600 });
  expect(await decodeSession(renewed)).toMatchObject({ userId: 7 });
  vi.setSystemTime(T0 + (SESSION_MAX_AGE_SECONDS + 1) * 1000);
  expect(await decodeSession(renewed)).toBeNull();
  expect((await poll(renewed)).status).toBe(401);
});

it("a session without its sign-in time or portal origin (sealed before both existed) is refused", async () => {
  vi.setSystemTime(T0);
  const { signedInAt: _s, portalOrigin: _o, ...old } = session;
  expect(await decodeSession(await encode({ token: old, secret: SECRET, maxAge: 3600 }))).toBeNull();
});
