/**
 * Organisation questions the permission checks ask: whom does a user manage?
 * A user manages the members of every department they head and of that department's
 * sub-departments (Bitrix24's "subordinates"; b24restdocs api-reference/tasks/tasks-task-list.md:
 * "Managers can see their employees' tasks").
 */
import type { Portal } from "../state/types";

const cache = new WeakMap<Portal, { key: string; subs: Map<number, Set<number>> }>();

export function subordinatesOf(portal: Portal, userId: number): Set<number> {
  // Heads and memberships change rarely; rebuild when they do (cheap: tens of departments).
  const key =
    [...portal.departments.values()].map((d) => `${d.id}:${d.parentId}:${d.headUserId}`).join(",") +
    "|" +
    [...portal.users.values()].map((u) => u.departmentIds.join(".")).join(",");
  let entry = cache.get(portal);
  if (!entry || entry.key !== key) cache.set(portal, (entry = { key, subs: new Map() }));
  let subs = entry.subs.get(userId);
  if (subs) return subs;
  subs = new Set<number>();
  const headed = [...portal.departments.values()].filter((d) => d.headUserId === userId).map((d) => d.id);
  const depts = new Set<number>(headed);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of portal.departments.values()) if (d.parentId !== null && depts.has(d.parentId) && !depts.has(d.id)) (depts.add(d.id), (grew = true));
  }
  for (const u of portal.users.values()) if (u.id !== userId && u.departmentIds.some((d) => depts.has(d))) subs.add(u.id);
  entry.subs.set(userId, subs);
  return subs;
}
