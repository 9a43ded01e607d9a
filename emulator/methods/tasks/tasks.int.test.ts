/**
 * tasks.task.* over HTTP. Follows b24restdocs api-reference/tasks/tasks-task-list.md (result.tasks,
 * camelCase string fields, total/next by 50, filter prefixes), tasks-task-get.md, tasks-task-update.md
 * (ERROR_CORE, "Action on the task is not allowed") and tasks-task-add.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { methodWorld } from "../../testing/harness";

const { world, call } = methodWorld(["user", "task"]);

describe("tasks.task.list", () => {
  it("pages by 50 with total/next, camelCase string fields under result.tasks, ID descending by default", async () => {
    const r = await call("tasks.task.list", { select: ["ID", "TITLE", "RESPONSIBLE_ID", "STATUS", "ACCOMPLICES", "AUDITORS"] });
    expect(r.status).toBe(200);
    expect(r.body.result.tasks).toHaveLength(50);
    expect(r.body.next).toBe(50);
    expect(r.body.total).toBeGreaterThan(50);
    const t = r.body.result.tasks[0];
    expect(Object.keys(t)).toEqual(expect.arrayContaining(["id", "title", "responsibleId", "status", "accomplices", "auditors"]));
    expect(typeof t.id).toBe("string");
    expect(Array.isArray(t.auditors)).toBe(true);
    const ids = r.body.result.tasks.map((x: { id: string }) => Number(x.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("filters by RESPONSIBLE_ID, REAL_STATUS with ! and by ACCOMPLICE / AUDITOR membership", async () => {
    const r = await call("tasks.task.list", { filter: { RESPONSIBLE_ID: 5, "!REAL_STATUS": [5, 7] }, select: ["ID", "RESPONSIBLE_ID", "STATUS"] });
    expect(r.body.result.tasks.length).toBeGreaterThan(0);
    for (const t of r.body.result.tasks) {
      expect(t.responsibleId).toBe("5");
      expect(["5", "7"]).not.toContain(t.status);
    }
    const acc = await call("tasks.task.list", { filter: { ACCOMPLICE: 5 }, select: ["ID", "ACCOMPLICES"] });
    expect(acc.body.result.tasks.length).toBeGreaterThan(0);
    for (const t of acc.body.result.tasks) expect(t.accomplices).toContain("5");
    const aud = await call("tasks.task.list", { filter: { AUDITOR: 5 }, select: ["ID", "AUDITORS"] });
    for (const t of aud.body.result.tasks) expect(t.auditors).toContain("5");
  });

  it("supports the fast ID pagination: order ID asc, >ID, start=-1 gives no total", async () => {
    const r = await call("tasks.task.list", { order: { ID: "asc" }, filter: { ">ID": 100 }, select: ["ID"], start: -1 });
    expect(r.body).not.toHaveProperty("total");
    expect(r.body).not.toHaveProperty("next");
    expect(r.body.result.tasks[0].id).toBe("101");
    expect(r.body.result.tasks).toHaveLength(50);
  });

  it("answers error 0 for an order key that cannot be sorted", async () => {
    const r = await call("tasks.task.list", { order: { NO_SUCH: "asc" } });
    expect(r).toMatchObject({ status: 400, body: { error: "0", error_description: "Invalid sorting key (internal error)" } });
  });

  it("shows an ordinary user only the tasks they take part in or manage", async () => {
    const uid = 20;
    const r = await call("tasks.task.list", { select: ["ID", "RESPONSIBLE_ID", "CREATED_BY", "ACCOMPLICES", "AUDITORS", "GROUP_ID"] }, uid);
    const all = await call("tasks.task.list", { select: ["ID"] });
    expect(r.body.total).toBeLessThan(all.body.total);
  });
});

describe("tasks.task.get / update / add", () => {
  it("returns result.task and moves responsible, creator, co-executors and observers", async () => {
    const got = await call("tasks.task.get", { taskId: 7 });
    expect(got.body.result.task.id).toBe("7");
    const upd = await call("tasks.task.update", { taskId: 7, fields: { RESPONSIBLE_ID: 4, CREATED_BY: 4, ACCOMPLICES: [2, 3], AUDITORS: [6] } });
    expect(upd.status).toBe(200);
    expect(upd.body.result.task).toMatchObject({ responsibleId: "4", createdBy: "4", accomplices: ["2", "3"], auditors: ["6"] });
    const again = await call("tasks.task.list", { filter: { ID: 7 }, select: ["ID", "RESPONSIBLE_ID"] });
    expect(again.body.result.tasks[0].responsibleId).toBe("4");
  });

  it("answers an empty result for a missing task or one the user cannot see, and error 100 for an empty select (tasks-task-get.md)", async () => {
    expect(await call("tasks.task.get", { taskId: 999_999 })).toMatchObject({ status: 200, body: { result: [] } });
    await call("tasks.task.update", { taskId: 11, fields: { CREATED_BY: 2, RESPONSIBLE_ID: 2, ACCOMPLICES: [], AUDITORS: [] } });
    const outsider = [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.id > 40)!;
    expect(await call("tasks.task.get", { taskId: 11 }, outsider.id)).toMatchObject({ status: 200, body: { result: [] } });
    expect(await call("tasks.task.get", { taskId: 11, select: [] })).toMatchObject({ status: 400, body: { error: "100" } });
    expect(await call("tasks.task.get", {})).toMatchObject({ status: 400, body: { error: "100" } });
    expect(await call("tasks.task.get", { taskId: "x" })).toMatchObject({ status: 400, body: { error: "0", error_description: "wrong task id" } });
  });

  it("refuses a responsible that does not exist and changes by a mere observer", async () => {
    const bad = await call("tasks.task.update", { taskId: 8, fields: { RESPONSIBLE_ID: 99999 } });
    expect(bad).toMatchObject({ status: 400, body: { error: "ERROR_CORE" } });
    await call("tasks.task.update", { taskId: 9, fields: { CREATED_BY: 2, RESPONSIBLE_ID: 2, ACCOMPLICES: [], AUDITORS: [30] } });
    const denied = await call("tasks.task.update", { taskId: 9, fields: { TITLE: "x" } }, 30);
    expect(denied).toMatchObject({ status: 400, body: { error: "0", error_description: "Action on the task is not allowed (internal error)" } });
  });

  it("adds a task and rejects one without a title", async () => {
    const ok = await call("tasks.task.add", { fields: { TITLE: "Call the client", RESPONSIBLE_ID: 2 } });
    expect(ok.body.result.task).toMatchObject({ title: "Call the client", responsibleId: "2", createdBy: "1", status: "2" });
    const none = await call("tasks.task.add", { fields: { RESPONSIBLE_ID: 2 } });
    expect(none).toMatchObject({ status: 400, body: { error: "ERROR_CORE" } });
  });
});
