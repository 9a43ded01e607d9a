/**
 * tasks.task.list / get / add / update.
 * Follows b24restdocs api-reference/tasks/tasks-task-list.md, tasks-task-get.md,
 * tasks-task-add.md, tasks-task-update.md and fields.md: results are camelCase under
 * `result.tasks` / `result.task`; filter keys UPPER_CASE with operator prefixes; default order
 * ID descending; errors as their tables list them.
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { param, readId, readObject, readSelect } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";
import { splitKey } from "../../seed/filter-condition";
import { formatTask, resolveTaskSelect, taskView } from "./task-fields";
import { taskReader, taskRight } from "./task-access";
import { applyTaskFields } from "./task-write";

const internal = (code: string, msg: string) => new RestError(code, msg, 400);
// tasks-task-list.md's sort keys (plus STATUS, RESPONSIBLE_ID, CREATED_BY, which the server also
// sorts by); the emulated tasks keep no time log, completion flag, pins or manual sorting, so
// those keys sort nothing (every task has the same value).
const SORTABLE = new Set([
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
  "STATUS",
  "RESPONSIBLE_ID",
  "CREATED_BY",
]);

function list(call: MethodCall) {
  const p = call.params;
  const d = call.portal.data;
  const view = taskView(d, call.now, call.portal);
  const filter = readObject(param(p, "filter"), "filter", (m) => internal("100", m));
  const orderRaw = readObject(param(p, "order"), "order", (m) => internal("100", m));
  for (const key of Object.keys(orderRaw)) {
    if (!SORTABLE.has(key.toUpperCase())) throw internal("0", "Invalid sorting key (internal error)");
  }
  const order = parseOrder(view, Object.keys(orderRaw).length ? orderRaw : { ID: "DESC" }, {});
  // Every emulated task is a root task, so ONLY_ROOT_TASKS (Y or N) keeps them all; none is a
  // favorite, so `::SUBFILTER-PARAMS[FAVORITE]=Y` (tasks-task-list.md) keeps none.
  const sub = filter["::SUBFILTER-PARAMS"];
  const favoritesOnly = !!sub && typeof sub === "object" && String((sub as Record<string, unknown>).FAVORITE ?? "").toUpperCase() === "Y";
  const reader = taskReader(call.portal, call.user);
  const page = runQuery(
    view,
    d.tasks,
    { filter, order, start: readStart(p) },
    { ignore: (k) => k.startsWith("::") || splitKey(k).field.toUpperCase() === "ONLY_ROOT_TASKS" },
    favoritesOnly ? () => false : reader,
  );
  const fields = resolveTaskSelect(readSelect(param(p, "select")));
  // `params` (tasks-task-list.md): extra data per task. The emulated tasks have no results to
  // report and no running timers; the parsed description is the description itself.
  const extra = readObject(param(p, "params"), "params", (m) => internal("100", m));
  const flag = (k: string) => [true, "true", "Y", "1", 1].includes(extra[k] as never);
  const extras = (r: number) => ({
    ...(flag("WITH_RESULT_INFO") ? { taskRequireResult: "N", taskHasOpenResult: "N", taskHasResult: "N" } : {}),
    ...(flag("WITH_TIMER_INFO") ? { timeElapsed: null, timerIsRunningForCurrentUser: "N" } : {}),
    ...(flag("WITH_PARSED_DESCRIPTION") ? { parsedDescription: formatTask(call.portal, r, new Set(["description"]), call.now).description } : {}),
  });
  const tasks = page.rows.map((r) => ({ ...formatTask(call.portal, r, fields, call.now), ...extras(r) }));
  return { result: { tasks }, total: page.total, next: page.next };
}

function taskRow(call: MethodCall): number {
  const raw = param(call.params, "taskId", "id");
  if (raw === undefined) throw internal("100", "CTaskItem All parameters in the constructor must have real class type (internal error)");
  const id = readId(raw);
  if (id === null) throw internal("0", "wrong task id");
  const row = id - 1;
  if (!call.portal.data.tasks.has(id) || taskRight(call.portal, call.user, row) === "none") {
    // Not found and not visible look the same to the caller, as on a real portal.
    throw internal("ERROR_CORE", "TASKS_ERROR_EXCEPTION_#8; Task not found or not accessible; 8/TE/ACTION_NOT_ALLOWED<br>");
  }
  return row;
}

/**
 * tasks-task-get.md: a missing task, or one the user may not see, answers an empty `result` ([]);
 * a `select` that is given but not a non-empty list answers error 100.
 */
function get(call: MethodCall) {
  const raw = param(call.params, "taskId", "id");
  if (raw === undefined) throw internal("100", "CTaskItem All parameters in the constructor must have real class type (internal error)");
  const id = readId(raw);
  if (id === null) throw internal("0", "wrong task id");
  const selectRaw = param(call.params, "select");
  const selectList = Array.isArray(selectRaw) ? selectRaw : selectRaw && typeof selectRaw === "object" ? Object.values(selectRaw) : null;
  if (selectRaw !== undefined && (!selectList || selectList.length === 0)) {
    throw internal("100", "Invalid value {} to match with parameter {select}. Should be value of type array. (internal error)");
  }
  if (!call.portal.data.tasks.has(id) || taskRight(call.portal, call.user, id - 1) === "none") return { result: [] };
  const fields = resolveTaskSelect(readSelect(selectRaw) ?? ["*"]);
  return { result: { task: formatTask(call.portal, id - 1, fields, call.now) } };
}

function readFields(call: MethodCall): Record<string, unknown> {
  const f = param(call.params, "fields");
  if (!f || typeof f !== "object" || Object.keys(f).length === 0) throw internal("100", "Could not find value for parameter {fields} (internal error)");
  return f as Record<string, unknown>;
}

function update(call: MethodCall) {
  const row = taskRow(call);
  const fields = readFields(call);
  const right = taskRight(call.portal, call.user, row);
  const upper = Object.keys(fields).map((k) => k.toUpperCase());
  const needsFull = upper.includes("RESPONSIBLE_ID") || upper.includes("CREATED_BY");
  if (right === "read" || (needsFull && right !== "full")) throw internal("0", "Action on the task is not allowed (internal error)");
  applyTaskFields(call, row, fields);
  // b24restdocs api-reference/tasks/events-tasks/on-task-update.md.
  call.emit("ONTASKUPDATE", {
    FIELDS_BEFORE: { ID: row + 1 },
    FIELDS_AFTER: { ID: row + 1 },
    IS_ACCESSIBLE_BEFORE: "undefined",
    IS_ACCESSIBLE_AFTER: "undefined",
  });
  return { result: { task: formatTask(call.portal, row, resolveTaskSelect(["*"]), call.now) } };
}

/** tasks.task.delete (tasks-task-delete.md): only who may fully edit the task (its creator, an admin). */
function remove(call: MethodCall) {
  const row = taskRow(call);
  if (taskRight(call.portal, call.user, row) !== "full") throw internal("0", "Action on the task is not allowed (internal error)");
  call.portal.data.tasks.remove(row);
  // on-task-delete.md: FIELDS_BEFORE holds the ID, FIELDS_AFTER is "undefined".
  call.emit("ONTASKDELETE", { FIELDS_BEFORE: { ID: row + 1 }, FIELDS_AFTER: "undefined", IS_ACCESSIBLE_BEFORE: "undefined", IS_ACCESSIBLE_AFTER: "undefined" });
  return { result: { task: true } };
}

function add(call: MethodCall) {
  const fields = readFields(call);
  const upper = new Map(Object.entries(fields).map(([k, v]) => [k.toUpperCase(), v]));
  if (!String(upper.get("TITLE") ?? "").trim()) throw internal("ERROR_CORE", "Task title is not specified<br>");
  if (!readId(upper.get("RESPONSIBLE_ID"))) throw internal("ERROR_CORE", "Responsible person not specified<br>");
  const t = call.portal.data.tasks;
  const row = t.addRow();
  const now = Math.floor(call.now.getTime() / 1000);
  t.setInt("createdBy", row, call.user.id);
  t.setInt("createdAt", row, now);
  t.setInt("status", row, 2);
  t.setInt("priority", row, 1);
  try {
    applyTaskFields(call, row, fields);
  } catch (e) {
    t.length--; // roll back the half-made row
    throw e;
  }
  // on-task-add.md: FIELDS_BEFORE "undefined", FIELDS_AFTER the new ID.
  call.emit("ONTASKADD", { FIELDS_BEFORE: "undefined", FIELDS_AFTER: { ID: row + 1 }, IS_ACCESSIBLE_BEFORE: "N", IS_ACCESSIBLE_AFTER: "undefined" });
  return { result: { task: formatTask(call.portal, row, resolveTaskSelect(["*"]), call.now) } };
}

defineMethods(
  { name: "tasks.task.list", scope: "task", handler: list },
  { name: "tasks.task.get", scope: "task", handler: get },
  { name: "tasks.task.update", scope: "task", handler: update },
  { name: "tasks.task.add", scope: "task", handler: add },
  { name: "tasks.task.delete", scope: "task", handler: remove },
);
