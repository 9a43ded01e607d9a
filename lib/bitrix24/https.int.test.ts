/**
 * An https portal (real portals are https-only, docs/bitrix24-platform.md "What the official SDK
 * assumes"): the client follows the portal's client_endpoint scheme for REST and the OAuth
 * server's for refreshes. Needs the emulator's CA trusted (NODE_EXTRA_CA_CERTS, set by `npm test`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { resetLimiters } from "./rate-limiter";
import { ADMIN_ID, createWorld, grantsOf, type World } from "../../test/support/emulator-world";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, portalKey: "secure", protocol: "https" });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("https portal", () => {
  it("calls over https and refreshes an expired token through the https OAuth server", async () => {
    const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
    // The portal is the root of its own origin (docs/decisions/005-emulator-portal-per-port.md).
    expect(portal.clientEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest\/$/);
    expect(portal.serverEndpoint).toMatch(/^https:\/\//);
    await world.control("POST", "portals/secure/tokens/expire", { userId: ADMIN_ID });
    const before = (await grantsOf(world.control, "secure", ADMIN_ID)).length;
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const r = await client.call<{ ID: unknown }>("profile");
    expect(Number(r.result.ID)).toBe(ADMIN_ID);
    expect((await grantsOf(world.control, "secure", ADMIN_ID)).length - before).toBe(1);
    const calls = await world.calls();
    expect(calls.filter((c) => c.error === "INVALID_REQUEST")).toHaveLength(0);
  });
});
