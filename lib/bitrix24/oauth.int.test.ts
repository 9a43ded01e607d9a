/**
 * The token requests and the token owner check against the emulator's OAuth server and portal:
 * a consent's code exchanged once, a refresh token spent once, and `profile` naming whose tokens
 * they are (lib/mail's connect and lib/lifecycle's verification both rely on it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, createWorld, type World } from "../../test/support/emulator-world";
import { Bitrix24Error } from "./errors";
import { exchangeCode, refreshTokens, RefreshTokenDeadError } from "./oauth";
import { resetLimiters } from "./rate-limiter";
import { readTokenOwner, TokenOwnerMismatchError } from "./token-owner";

const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const EMPLOYEE = 5;

let db: TestDatabase;
let world: World;
let portalUrl: string;
let serverEndpoint: string;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 20 });
  const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
  portalUrl = `${portal.protocol}://${portal.domain}`;
  serverEndpoint = portal.serverEndpoint;
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

/** A user's consent on the portal's /oauth/authorize/: the code it sends back. */
async function consent(userId: number): Promise<string> {
  const answer = await fetch(`${portalUrl}/oauth/authorize/?client_id=${CLIENT_ID}&user_id=${userId}`, { redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location")!).searchParams.get("code")!;
}

describe("exchangeCode", () => {
  it("gives the consenting user's pair once; a used code is the OAuth server's invalid_grant, not a dead refresh token", async () => {
    const code = await consent(EMPLOYEE);
    const tokens = await exchangeCode({ serverEndpoint, credentials, code });
    expect(Number(tokens.user_id)).toBe(EMPLOYEE);
    expect(tokens.client_endpoint).toBe(`${portalUrl}/rest/`);
    const again = await exchangeCode({ serverEndpoint, credentials, code }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Bitrix24Error);
    expect(again).not.toBeInstanceOf(RefreshTokenDeadError);
    expect((again as Bitrix24Error).code).toBe("invalid_grant");
  });

  it("refuses a wrong client secret", async () => {
    const code = await consent(EMPLOYEE);
    const refused = await exchangeCode({ serverEndpoint, credentials: { ...credentials, clientSecret: "wrong" }, code }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Bitrix24Error);
    expect((refused as Bitrix24Error).code).not.toBe("NETWORK_ERROR");
  });

  it("says NETWORK_ERROR when the OAuth server does not answer", async () => {
    const refused = await exchangeCode({ serverEndpoint: "http://127.0.0.1:9/rest/", credentials, code: "x" }).catch((e: unknown) => e);
    expect((refused as Bitrix24Error).code).toBe("NETWORK_ERROR");
  });
});

describe("refreshTokens", () => {
  it("spends a refresh token once: the second use is RefreshTokenDeadError", async () => {
    const first = await exchangeCode({ serverEndpoint, credentials, code: await consent(EMPLOYEE) });
    const next = await refreshTokens({ serverEndpoint, credentials, refreshToken: first.refresh_token });
    expect(next.refresh_token).not.toBe(first.refresh_token);
    expect(Number(next.user_id)).toBe(EMPLOYEE);
    await expect(refreshTokens({ serverEndpoint, credentials, refreshToken: first.refresh_token })).rejects.toBeInstanceOf(RefreshTokenDeadError);
  });
});

describe("readTokenOwner", () => {
  it("names the user and whether they administer the portal, as the portal's users say", async () => {
    const users = await world.control<Array<{ id: number; name: string; lastName: string; admin: boolean }>>("GET", `portals/${world.portalKey}/users`);
    for (const userId of [ADMIN_ID, EMPLOYEE]) {
      const tokens = await exchangeCode({ serverEndpoint, credentials, code: await consent(userId) });
      const owner = await readTokenOwner({ restBase: tokens.client_endpoint!, accessToken: tokens.access_token, tokenUserId: tokens.user_id });
      const user = users.find((u) => u.id === userId)!;
      expect(owner).toEqual({ userId, isAdmin: user.admin, NAME: user.name, LAST_NAME: user.lastName });
    }
    expect(users.find((u) => u.id === ADMIN_ID)!.admin).toBe(true);
    expect(users.find((u) => u.id === EMPLOYEE)!.admin).toBe(false);
  });

  it("refuses tokens whose OAuth answer names another user than profile does", async () => {
    const tokens = await exchangeCode({ serverEndpoint, credentials, code: await consent(EMPLOYEE) });
    await expect(readTokenOwner({ restBase: tokens.client_endpoint!, accessToken: tokens.access_token, tokenUserId: ADMIN_ID })).rejects.toBeInstanceOf(
      TokenOwnerMismatchError,
    );
  });

  it("passes on the portal's refusal of a dead access token", async () => {
    const tokens = await exchangeCode({ serverEndpoint, credentials, code: await consent(EMPLOYEE) });
    await world.control("POST", `portals/${world.portalKey}/tokens/expire`, { userId: EMPLOYEE, access: true });
    const refused = await readTokenOwner({ restBase: tokens.client_endpoint!, accessToken: tokens.access_token }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Bitrix24Error);
    expect((refused as Bitrix24Error).code).toBe("expired_token");
  });
});
