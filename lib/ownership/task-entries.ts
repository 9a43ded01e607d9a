/**
 * Tasks, in the four roles a user can hold (b24restdocs api-reference/tasks/tasks-task-list.md,
 * tasks-task-get.md, tasks-task-update.md, fields.md): filter keys RESPONSIBLE_ID, CREATED_BY,
 * ACCOMPLICE, AUDITOR and REAL_STATUS; results camelCase under `result.tasks` / `result.task`;
 * changes through `fields[RESPONSIBLE_ID]`, `fields[CREATED_BY]`, and the whole
 * `fields[ACCOMPLICES]` / `fields[AUDITORS]` list (the method replaces the list).
 *
 * Open = REAL_STATUS other than 5 (completed) and 7 (declined); the statuses are 1 new,
 * 2 pending, 3 in progress, 4 awaiting control, 5 completed, 6 deferred, 7 declined
 * (server source modules/tasks/lib/internals/task/status.php).
 */
import { dateFilter } from "./query-filters";
import { num, numList, replaceHolder, type OwnershipRole, type RecordSnapshot } from "./types";

const OPEN_STATUSES = [1, 2, 3, 4, 6];
const CLOSED_STATUSES = new Set([5, 7]);
const SELECT = ["ID", "RESPONSIBLE_ID", "CREATED_BY", "ACCOMPLICES", "AUDITORS", "STATUS", "CREATED_DATE", "CHANGED_DATE"];
/** A list reads only what a snapshot takes: thousands of records a request, every field costs. */
const listSelect = (role: TaskRole) => ["ID", FIELD[role], "STATUS"];

type TaskRole = "responsible" | "creator" | "accomplice" | "auditor";
const FILTER_KEY: Record<TaskRole, string> = { responsible: "RESPONSIBLE_ID", creator: "CREATED_BY", accomplice: "ACCOMPLICE", auditor: "AUDITOR" };
const FIELD: Record<TaskRole, string> = { responsible: "RESPONSIBLE_ID", creator: "CREATED_BY", accomplice: "ACCOMPLICES", auditor: "AUDITORS" };

function holdersOf(role: TaskRole, task: Record<string, unknown>): number[] {
  switch (role) {
    case "responsible":
      return [num(task.responsibleId)];
    case "creator":
      return [num(task.createdBy)];
    case "accomplice":
      return numList(task.accomplices);
    case "auditor":
      return numList(task.auditors);
  }
}

function taskRole(role: TaskRole): OwnershipRole {
  const multi = role === "accomplice" || role === "auditor";
  const snapshot = (task: Record<string, unknown>): RecordSnapshot => ({
    id: num(task.id),
    holders: holdersOf(role, task),
    open: !CLOSED_STATUSES.has(num(task.status)),
    companyId: 0,
    contactId: 0,
  });
  return {
    type: "task",
    role,
    multi,
    hasOpenState: true,
    filters: ["created", "changed"],
    list: (userId, query) => ({
      method: "tasks.task.list",
      params: {
        filter: {
          [FILTER_KEY[role]]: userId,
          ...(query.openOnly ? { REAL_STATUS: OPEN_STATUSES } : {}),
          ...dateFilter(query, { created: "CREATED_DATE", changed: "CHANGED_DATE" }),
        },
        select: listSelect(role),
      },
    }),
    snapshot,
    read: (id) => ({ method: "tasks.task.get", params: { taskId: id, select: SELECT } }),
    readSnapshot: (result) => {
      const task = (result as { task?: Record<string, unknown> } | null)?.task;
      return task && typeof task === "object" ? snapshot(task) : null;
    },
    change: (record, from, to) => ({
      method: "tasks.task.update",
      params: { taskId: record.id, fields: { [FIELD[role]]: multi ? replaceHolder(record.holders, from, to) : to } },
    }),
  };
}

export const TASK_ROLES: OwnershipRole[] = (["responsible", "creator", "accomplice", "auditor"] as const).map(taskRole);
