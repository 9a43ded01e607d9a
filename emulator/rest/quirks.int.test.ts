/**
 * Quirks: a method told (control API POST /_emulator/quirks) to drop filter keys runs as if they
 * had not been sent — on its own and inside a batch, after `skip` untouched calls, for `count`
 * calls — the way real portals drop filter fields a method does not know (rest/quirks.ts).
 */
import { describe, expect, it } from "vitest";
import { controlClient } from "../control/client";
import { methodWorld, postJson } from "../testing/harness";

const { world, call } = methodWorld(["crm", "task"]);
const control = () => controlClient(world().emu.httpUrl);
const ids = (items: Array<{ id: number }>) => items.map((i) => Number(i.id));

describe("quirks", () => {
  it("drops the named filter keys after the calls it skips, for the calls it counts, also inside a batch", async () => {
    const list = (after: number) => call("crm.item.list", { entityTypeId: 2, order: { id: "ASC" }, filter: { ">id": after, assignedById: 1 }, start: -1 });
    const honest = ids((await list(100)).body.result.items);
    expect(honest.every((id) => id > 100)).toBe(true);

    await control()("POST", "quirks", { portal: "acme", method: "crm.item.list", ignoreFilter: [">ID"], skip: 1, count: 2 });
    expect(ids((await list(100)).body.result.items)).toEqual(honest);
    const dropped = ids((await list(100)).body.result.items);
    expect(dropped[0]).toBeLessThanOrEqual(100);
    const inBatch = await postJson(`${world().rest}batch`, {
      auth: world().token(),
      cmd: { page: "crm.item.list?entityTypeId=2&order[id]=ASC&filter[>id]=100&filter[assignedById]=1&start=-1" },
    });
    expect(ids(inBatch.body.result.result.page.items)).toEqual(dropped);
    // Its two calls played, the quirk is gone.
    expect(ids((await list(100)).body.result.items)).toEqual(honest);
    expect(await control()("GET", "quirks")).toEqual([]);
  });

  it('"*" drops the whole filter until the quirks are cleared', async () => {
    await control()("POST", "quirks", { method: "tasks.task.list", ignoreFilter: ["*"] });
    const all = await call("tasks.task.list", { filter: { RESPONSIBLE_ID: 1 }, select: ["ID", "RESPONSIBLE_ID"] });
    const holders = new Set(all.body.result.tasks.map((t: { responsibleId: string }) => t.responsibleId));
    expect(holders.size).toBeGreaterThan(1);
    await control()("DELETE", "quirks");
    const own = await call("tasks.task.list", { filter: { RESPONSIBLE_ID: 1 }, select: ["ID", "RESPONSIBLE_ID"] });
    expect(new Set(own.body.result.tasks.map((t: { responsibleId: string }) => t.responsibleId))).toEqual(new Set(["1"]));
  });

  it("refuses a quirk without a method or keys", async () => {
    await expect(control()("POST", "quirks", { method: "crm.item.list" })).rejects.toThrow(/ignoreFilter/);
    await expect(control()("POST", "quirks", { ignoreFilter: ["*"] })).rejects.toThrow(/method/);
  });
});
