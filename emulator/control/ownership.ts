/**
 * Control API: who holds every record of one kind, in one compact answer, so tests can compare
 * the whole portal before and after a transfer ("every selected record moved, nothing else
 * changed") without thousands of requests. Read straight from the stored tables.
 *
 * `GET /_emulator/portals/{key}/ownership?type=task` → `{ type, rows: [[id, responsible, creator, [accomplices], [auditors]], …] }`
 * `type=crm-{entityTypeId}` → `[[id, assignedById], …]`; `activity` → `[[id, responsibleId]]`;
 * `workgroup` → `[[id, ownerId]]`; `department` → `[[id, headUserId|0]]`.
 */
import { taskAccomplices, taskAuditors } from "../seed/derive";
import type { Portal } from "../state/types";

export type OwnershipRow = Array<number | number[]>;

export function ownershipRows(portal: Portal, type: string): OwnershipRow[] | null {
  const d = portal.data;
  if (type === "task") {
    const t = d.tasks;
    return Array.from({ length: t.length }, (_, r) => [r + 1, t.int("responsibleId", r), t.int("createdBy", r), taskAccomplices(d, r), taskAuditors(d, r)]);
  }
  const crm = /^crm-(\d+)$/.exec(type);
  if (crm) {
    const t = d.crm.get(Number(crm[1]));
    if (!t) return null;
    return Array.from({ length: t.length }, (_, r) => [r + 1, t.int("assignedById", r)]);
  }
  if (type === "activity") {
    const a = d.activities;
    return Array.from({ length: a.length }, (_, r) => [r + 1, a.int("responsibleId", r)]);
  }
  if (type === "workgroup") return d.workgroups.map((g) => [g.id, g.ownerId]);
  if (type === "department") return [...portal.departments.values()].map((dep) => [dep.id, dep.headUserId ?? 0]);
  return null;
}
