/**
 * The portal's ownership catalogue: every (object type, role) a user can hold. Fixed types plus
 * one entry per smart-process type the portal has, found at run time with `crm.type.list`
 * (b24restdocs api-reference/crm/universal/user-defined-object-types/crm-type-list.md:
 * `result.types[].entityTypeId`, pages of 50 with `start`).
 */
import type { Bitrix24Client } from "../bitrix24";
import { MethodNotFoundError, AccessDeniedError, InsufficientScopeError } from "../bitrix24";
import { crmRole } from "./crm-entries";
import { CRM_TYPES } from "./record-types";
import { ACTIVITY_ROLE, DEPARTMENT_ROLE, WORKGROUP_ROLE } from "./org-entries";
import { TASK_ROLES } from "./task-entries";
import type { OwnershipRole } from "./types";

export type OwnershipClient = Pick<Bitrix24Client, "call" | "batch" | "listPages">;

/** A smart-process type as the overview names it (the title is the portal's, shown live, never stored). */
export interface SmartProcessType {
  entityTypeId: number;
  title: string;
}

/** The catalogue for a portal with these smart-process types. */
export function catalogueOf(smartProcesses: readonly SmartProcessType[]): OwnershipRole[] {
  return [
    ...TASK_ROLES,
    ...Object.values(CRM_TYPES).map(crmRole),
    ...smartProcesses.map((t) => crmRole(t.entityTypeId)),
    ACTIVITY_ROLE,
    WORKGROUP_ROLE,
    DEPARTMENT_ROLE,
  ];
}

/** The portal's smart-process types; none when CRM is off or the app may not read it. */
export async function smartProcessTypes(client: OwnershipClient): Promise<SmartProcessType[]> {
  const out: SmartProcessType[] = [];
  try {
    for (let start = 0; ;) {
      const page = await client.call<{ types?: Array<{ entityTypeId?: unknown; title?: unknown }> }>("crm.type.list", { start });
      for (const t of page.result.types ?? []) {
        const id = Number(t.entityTypeId);
        if (Number.isInteger(id) && id > 0) out.push({ entityTypeId: id, title: String(t.title ?? "") });
      }
      if (page.next === undefined) break;
      start = page.next;
    }
  } catch (error) {
    if (error instanceof MethodNotFoundError || error instanceof AccessDeniedError || error instanceof InsufficientScopeError) return [];
    throw error;
  }
  return out;
}

/** Discovers the smart-process types, then builds the catalogue. */
export async function loadCatalogue(client: OwnershipClient): Promise<{ roles: OwnershipRole[]; smartProcesses: SmartProcessType[] }> {
  const smartProcesses = await smartProcessTypes(client);
  return { roles: catalogueOf(smartProcesses), smartProcesses };
}

/** Finds the entry of a (type, role) pair. */
export function findRole(roles: readonly OwnershipRole[], type: string, role: string): OwnershipRole | undefined {
  return roles.find((r) => r.type === type && r.role === role);
}

/** The entry for a type/role key even without the portal's catalogue (smart processes parse from their key). */
export function roleFor(type: string, role: string): OwnershipRole | undefined {
  const dynamic = /^dynamic-(\d+)$/.exec(type);
  const roles = dynamic ? [crmRole(Number(dynamic[1]))] : catalogueOf([]);
  return findRole(roles, type, role);
}
