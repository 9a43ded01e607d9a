/**
 * The portal's departments (b24restdocs api-reference/departments/department-get.md): ID, NAME,
 * PARENT and UF_HEAD, pages of 50 by `start` only (no ID filter: lib/bitrix24's listAll pages it
 * the plain way), and which departments a user belongs to (user.get's UF_DEPARTMENT: one ID or a
 * list). Names are the portal's, read live and never stored.
 */
import type { BatchCommand, Bitrix24Client } from "../bitrix24";

export interface Department {
  id: number;
  name: string;
  /** The parent department's ID; 0 at the top. */
  parentId: number;
  /** The head's user ID; 0 when nobody heads it. */
  headId: number;
}

/** department.get as a batch command. No sort parameters: the default order is by ID, and an upper-case SORT would be read as a filter. */
export const DEPARTMENTS_COMMAND: BatchCommand = { method: "department.get", params: {} };

const id = (v: unknown) => {
  const n = Number(v ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** Departments out of department.get's `result` (anything else holds none). */
export function departmentsFrom(result: unknown): Department[] {
  return (Array.isArray(result) ? (result as Array<Record<string, unknown>>) : [])
    .map((d) => ({ id: id(d.ID), name: typeof d.NAME === "string" ? d.NAME : "", parentId: id(d.PARENT), headId: id(d.UF_HEAD) }))
    .filter((d) => d.id > 0);
}

/** Every department of the portal, in the portal's order. */
export async function readDepartments(client: Pick<Bitrix24Client, "listAll">): Promise<Department[]> {
  return departmentsFrom(await client.listAll<Record<string, unknown>>("department.get"));
}

/** Department names by ID. */
export function departmentNames(departments: readonly Department[]): Map<number, string> {
  return new Map(departments.map((d) => [d.id, d.name]));
}

/** The departments a user.get record belongs to (UF_DEPARTMENT: one ID or a list). */
export function departmentIdsOf(user: { UF_DEPARTMENT?: unknown }): number[] {
  return [user.UF_DEPARTMENT ?? []]
    .flat()
    .map(id)
    .filter((n) => n > 0);
}
