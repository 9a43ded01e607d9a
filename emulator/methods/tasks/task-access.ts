/**
 * Who may see and change a task — the simplest faithful model of Bitrix24's default rights
 * (b24restdocs api-reference/tasks/tasks-task-list.md: administrators see all tasks, managers
 * see their employees' tasks, others only the tasks available to them):
 * - read: admin; a participant (creator, responsible, co-executor, observer); the manager of the
 *   creator or responsible (seed/org.ts); a member of the task's workgroup;
 * - change any field: admin, the creator, the manager of the creator or responsible;
 * - the responsible person may change everything except CREATED_BY and RESPONSIBLE_ID;
 *   co-executors and observers may change nothing through tasks.task.update.
 */
import type { PortalUser, Portal } from "../../state/types";
import { subordinatesOf } from "../../seed/org";
import { taskAccomplices, taskAuditors } from "../../seed/derive";

export type TaskRight = "none" | "read" | "edit" | "full";

export function taskReader(portal: Portal, user: PortalUser): ((row: number) => boolean) | undefined {
  if (user.admin) return undefined;
  const t = portal.data.tasks;
  const subs = subordinatesOf(portal, user.id);
  const groups = new Set(portal.data.workgroups.filter((g) => g.members.has(user.id)).map((g) => g.id));
  const resp = t.col("responsibleId");
  const creator = t.col("createdBy");
  const group = t.col("groupId");
  const uid = user.id;
  return (r) =>
    resp[r] === uid ||
    creator[r] === uid ||
    subs.has(resp[r]) ||
    subs.has(creator[r]) ||
    (group[r] !== 0 && groups.has(group[r])) ||
    taskAccomplices(portal.data, r).includes(uid) ||
    taskAuditors(portal.data, r).includes(uid);
}

export function taskRight(portal: Portal, user: PortalUser, row: number): TaskRight {
  if (user.admin) return "full";
  const t = portal.data.tasks;
  const subs = subordinatesOf(portal, user.id);
  if (t.int("createdBy", row) === user.id || subs.has(t.int("createdBy", row)) || subs.has(t.int("responsibleId", row))) return "full";
  if (t.int("responsibleId", row) === user.id) return "edit";
  return taskReader(portal, user)!(row) ? "read" : "none";
}
