/**
 * The privacy tabs' department list against a portal with more than one page of departments:
 * department.get pages by `start` only (b24restdocs api-reference/departments/department-get.md;
 * the server reads no `order` object and no `filter` key: modules/intranet/classes/general/rest.php),
 * so every department must come back exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { ADMIN_ID, createWorld, type World } from "../../test/support/emulator-world";
import { resetLimiters } from "../bitrix24";
import { listDepartments } from "./views";

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 20, scopes: ["user", "department"] });
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

describe("listDepartments", () => {
  it("lists every department of a portal with more than 50, each once", async () => {
    const client = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const before = await listDepartments(client);
    const root = (await client.call<Array<{ ID: string; PARENT?: string }>>("department.get", {})).result.find((d) => d.PARENT === undefined)!;
    await client.batch(
      Array.from({ length: 50 }, (_, i) => ({ method: "department.add", params: { NAME: `Team ${String(i).padStart(2, "0")}`, PARENT: root.ID } })),
    );
    const after = await listDepartments(client);
    expect(after).toHaveLength(before.length + 50);
    expect(new Set(after.map((d) => d.id)).size).toBe(after.length);
    expect(after.map((d) => d.name)).toContain("Team 49");
  });
});
