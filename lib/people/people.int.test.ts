/**
 * The people facts against the emulator's portal: the dismissed-employees filter finds exactly
 * the inactive employees (not an inactive extranet guest, not an active employee), and the
 * departments read are the portal's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import { resetLimiters, type Bitrix24Client } from "../bitrix24";
import { ACTIVE_EMPLOYEES, departmentIdsOf, DISMISSED_EMPLOYEES, displayName, isActive, readDepartments, userNames } from ".";

interface EmulatorUser {
  id: number;
  active: boolean;
  userType: string;
  name: string;
  lastName: string;
  departmentIds: number[];
}

let db: TestDatabase;
let world: World;
let client: Bitrix24Client;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 60 });
  client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
  await world.control("POST", `portals/${world.portalKey}/users/12`, { active: false });
  await world.control("POST", `portals/${world.portalKey}/users/13`, { active: false, userType: "extranet" });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

const users = () => world.control<EmulatorUser[]>("GET", `portals/${world.portalKey}/users`);

describe("people against the portal", () => {
  it("finds exactly the inactive employees as dismissed, and the rest as active employees", async () => {
    const all = await users();
    const dismissed = await client.listAll<Record<string, unknown>>("user.get", { FILTER: DISMISSED_EMPLOYEES });
    const expected = all.filter((u) => !u.active && u.userType === "employee").map((u) => u.id);
    expect(expected).toContain(12);
    expect(dismissed.map((u) => Number(u.ID)).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(dismissed.every((u) => !isActive(u))).toBe(true);

    const active = await client.listAll<Record<string, unknown>>("user.get", { FILTER: ACTIVE_EMPLOYEES });
    const ids = active.map((u) => Number(u.ID));
    expect(ids).not.toContain(12);
    expect(ids).not.toContain(13);
    expect(active.every(isActive)).toBe(true);
    const first = all.find((u) => u.id === ids[0])!;
    expect(displayName(active[0])).toBe(`${first.name} ${first.lastName}`.trim());
    expect(departmentIdsOf(active[0])).toEqual(first.departmentIds);
  });

  it("reads every department with its parent and head", async () => {
    const portal = await world.control<Array<{ id: number; name: string; parentId: number | null; headUserId: number | null }>>(
      "GET",
      `portals/${world.portalKey}/departments`,
    );
    const read = await readDepartments(client);
    expect(read.length).toBeGreaterThan(1);
    expect(new Set(read.map((d) => d.id))).toEqual(new Set(portal.map((d) => d.id)));
    for (const d of portal) {
      expect(read.find((r) => r.id === d.id)).toEqual({ id: d.id, name: d.name, parentId: d.parentId ?? 0, headId: d.headUserId ?? 0 });
    }
  });
});

describe("userNames", () => {
  it("names users by ID in pages of 50, leaving out IDs the portal does not have", async () => {
    const all = await users();
    const ids = [...all.map((u) => u.id), 99_999, 0];
    const names = await userNames(client, ids);
    expect(all.length).toBeGreaterThan(50);
    expect([...names.keys()].sort((a, b) => a - b)).toEqual(all.map((u) => u.id).sort((a, b) => a - b));
    for (const u of all) expect(names.get(u.id)).toBe(`${u.name} ${u.lastName}`.trim());
  });
});
