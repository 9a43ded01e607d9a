/**
 * tasks.task.* over HTTP. Follows b24restdocs api-reference/tasks/tasks-task-list.md (result.tasks,
 * camelCase string fields, total/next by 50, filter prefixes), tasks-task-get.md, tasks-task-update.md
 * (ERROR_CORE, "Action on the task is not allowed") and tasks-task-add.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nowMs } from "../../state/store";
import { methodWorld, narrowToken, postJson } from "../../testing/harness";

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

  it("keeps a task's CRM bindings (UF_CRM_TASK, fields.md), filters by one and prints ufCrmTask only when selected", async () => {
    const added = await call("tasks.task.add", { fields: { TITLE: "Call the client", RESPONSIBLE_ID: 5, UF_CRM_TASK: ["D_3", "C_4", "not a binding"] } });
    const id = Number(added.body.result.task.id);
    expect(added.body.result.task).not.toHaveProperty("ufCrmTask");
    const bound = await call("tasks.task.list", { filter: { UF_CRM_TASK: "D_3" }, select: ["ID", "UF_CRM_TASK"] });
    expect(bound.body.result.tasks).toEqual([{ id: String(id), ufCrmTask: ["D_3", "C_4"] }]);
    expect((await call("tasks.task.get", { taskId: id, select: ["UF_*"] })).body.result.task.ufCrmTask).toEqual(["D_3", "C_4"]);
    await call("tasks.task.update", { taskId: id, fields: { UF_CRM_TASK: ["L_9"] } });
    expect((await call("tasks.task.list", { filter: { UF_CRM_TASK: "D_3" }, select: ["ID"] })).body.result.tasks).toEqual([]);
    expect((await call("tasks.task.list", { filter: { UF_CRM_TASK: "L_9" }, select: ["ID"] })).body.result.tasks).toEqual([{ id: String(id) }]);
    // Generated tasks are bound to nothing.
    expect((await call("tasks.task.list", { filter: { UF_CRM_TASK: "D_1" }, select: ["ID"] })).body.result.tasks).toEqual([]);
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

describe("tasks.task.list: every documented filter key, sort key and select field (tasks-task-list.md, fields.md)", () => {
  type Task = Record<string, unknown>;
  const tasks = async (params: object) => {
    const r = await call("tasks.task.list", params);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.result.tasks as Task[];
  };
  /** A task with co-executors, observers, a group and a deadline, read with select *. */
  async function fullTask(): Promise<Task> {
    const [t] = await tasks({ filter: { "!ACCOMPLICE": false, "!AUDITOR": false, "!GROUP_ID": 0, "!DEADLINE": false }, order: { ID: "ASC" }, select: ["*"] });
    return t ?? (await tasks({ order: { ID: "ASC" }, select: ["*"] }))[0];
  }

  it("filters by each key that has a value in the record", async () => {
    const t = await fullTask();
    const keyOf: Record<string, unknown> = {
      ID: t.id,
      PARENT_ID: 0,
      GROUP_ID: t.groupId,
      CREATED_BY: t.createdBy,
      STATUS_CHANGED_BY: t.statusChangedBy,
      PRIORITY: t.priority,
      RESPONSIBLE_ID: t.responsibleId,
      TITLE: t.title,
      REAL_STATUS: t.status,
      STATUS: t.subStatus,
      SITE_ID: t.siteId,
      ADD_IN_REPORT: t.addInReport,
      DEADLINE: t.deadline,
      CREATED_DATE: t.createdDate,
      CHANGED_DATE: t.changedDate,
      ACCOMPLICE: (t.accomplices as string[])[0],
      AUDITOR: (t.auditors as string[])[0],
      STAGE_ID: t.stageId,
    };
    for (const [key, value] of Object.entries(keyOf)) {
      if (value === undefined || value === null) continue;
      const rows = await tasks({ filter: { [key]: value, "<=ID": t.id }, order: { ID: "DESC" }, select: ["ID"] });
      expect(rows[0]?.id, `${key}=${String(value)}`).toBe(t.id);
    }
  });

  it("compares the keys the emulated tasks hold no data for with their empty values (not dropped)", async () => {
    for (const filter of [
      { TAG: "urgent" },
      { MARK: "P" },
      { FORUM_TOPIC_ID: 7 },
      { DEPENDS_ON: 3 },
      { SPRINT_ID: 2 },
      { BACKLOG_ID: 2 },
      { ">=DATE_START": "2020-01-01T00:00:00+00:00" },
      { ">CLOSED_DATE": "2999-01-01T00:00:00+00:00" },
    ]) {
      expect(await tasks({ filter, select: ["ID"] }), JSON.stringify(filter)).toEqual([]);
    }
    const all = (await call("tasks.task.list", { select: ["ID"] })).body.total;
    expect((await call("tasks.task.list", { filter: { ONLY_ROOT_TASKS: "Y" }, select: ["ID"] })).body.total).toBe(all);
    expect(await tasks({ filter: { "::SUBFILTER-PARAMS": { FAVORITE: "Y" } }, select: ["ID"] })).toEqual([]);
  });

  it("STATUS has the meta-status -1 (overdue); REAL_STATUS the stored status", async () => {
    expect((await call("tasks.task.update", { taskId: 12, fields: { STATUS: 2, DEADLINE: "2001-02-03T10:00:00+00:00" } })).status).toBe(200);
    const overdue = await tasks({ filter: { STATUS: -1 }, select: ["ID", "STATUS", "DEADLINE", "SUB_STATUS"] });
    expect(overdue.length).toBeGreaterThan(0);
    expect((await tasks({ filter: { STATUS: -1, ID: 12 }, select: ["ID"] })).map((t) => t.id)).toEqual(["12"]);
    for (const t of overdue) {
      expect(t.subStatus).toBe("-1");
      expect(Date.parse(String(t.deadline))).toBeLessThan(nowMs(world().emu.store));
    }
    expect((await tasks({ filter: { REAL_STATUS: 5 }, select: ["ID", "STATUS"] })).every((t) => t.status === "5")).toBe(true);
  });

  it("reads the prefixes !, <, <=, >, >=", async () => {
    const id = 30;
    expect((await tasks({ filter: { "!RESPONSIBLE_ID": 1 }, select: ["ID", "RESPONSIBLE_ID"] })).every((t) => t.responsibleId !== "1")).toBe(true);
    expect((await tasks({ filter: { "<ID": id }, select: ["ID"] })).every((t) => Number(t.id) < id)).toBe(true);
    expect((await tasks({ filter: { "<=ID": id }, select: ["ID"] })).every((t) => Number(t.id) <= id)).toBe(true);
    expect((await tasks({ filter: { ">ID": id }, select: ["ID"] })).every((t) => Number(t.id) > id)).toBe(true);
    expect((await tasks({ filter: { ">=ID": id }, select: ["ID"] })).every((t) => Number(t.id) >= id)).toBe(true);
  });

  it("accepts every documented sort key and sorts by the ones with data", async () => {
    for (const key of [
      "ID",
      "TITLE",
      "TIME_SPENT_IN_LOGS",
      "DATE_START",
      "CREATED_DATE",
      "CHANGED_DATE",
      "CLOSED_DATE",
      "ACTIVITY_DATE",
      "START_DATE_PLAN",
      "END_DATE_PLAN",
      "DEADLINE",
      "REAL_STATUS",
      "STATUS_COMPLETE",
      "PRIORITY",
      "MARK",
      "CREATED_BY_LAST_NAME",
      "RESPONSIBLE_LAST_NAME",
      "GROUP_ID",
      "TIME_ESTIMATE",
      "ALLOW_CHANGE_DEADLINE",
      "ALLOW_TIME_TRACKING",
      "MATCH_WORK_TIME",
      "FAVORITE",
      "SORTING",
      "IS_PINNED",
      "IS_PINNED_IN_GROUP",
    ]) {
      expect((await call("tasks.task.list", { order: { [key]: "asc" }, select: ["ID"] })).status, key).toBe(200);
    }
    const users = world().emu.store.portals.get("acme")!.users;
    const byName = await tasks({ order: { RESPONSIBLE_LAST_NAME: "asc" }, select: ["ID", "RESPONSIBLE_ID"] });
    const names = byName.map((t) => users.get(Number(t.responsibleId))!.lastName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("selects each field of fields.md by its UPPER_CASE name (id always; a participant list brings its *Data twin)", async () => {
    const [t] = await tasks({ order: { ID: "ASC" }, select: ["*"] });
    const camel = Object.keys(t);
    for (const field of camel) {
      const upper = field.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
      const [row] = await tasks({ filter: { ID: t.id }, select: [upper] });
      const expected = new Set(["id", field]);
      if (field === "auditors") expected.add("auditorsData");
      if (field === "accomplices") expected.add("accomplicesData");
      expect(Object.keys(row).sort(), upper).toEqual([...expected].sort());
    }
  });

  it("adds what `params` asks for: result info, timer info, the parsed description", async () => {
    const [t] = await tasks({
      filter: { ID: 5 },
      select: ["ID", "TITLE"],
      params: { WITH_RESULT_INFO: true, WITH_TIMER_INFO: true, WITH_PARSED_DESCRIPTION: true },
    });
    const description = (await call("tasks.task.get", { taskId: 5, select: ["DESCRIPTION"] })).body.result.task.description;
    expect(t).toMatchObject({ taskRequireResult: "N", taskHasOpenResult: "N", taskHasResult: "N", timeElapsed: null, timerIsRunningForCurrentUser: "N" });
    expect(t.parsedDescription).toBe(description);
    const [plain] = await tasks({ filter: { ID: 5 }, select: ["ID"] });
    expect(Object.keys(plain)).toEqual(["id"]);
  });

  it("needs the task scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}tasks.task.list`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});
