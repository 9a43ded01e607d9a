/**
 * The portal's ownership catalogue: every (object type, role) a user can hold. Fixed types plus
 * one entry per smart-process type the portal has, found at run time with `crm.type.list`
 * (b24restdocs api-reference/crm/universal/user-defined-object-types/crm-type-list.md:
 * `result.types[].entityTypeId`, pages of 50 with `start`).
 */
import type { BatchItemResult, Bitrix24Client } from "../bitrix24";
import { MethodNotFoundError, AccessDeniedError, InsufficientScopeError } from "../bitrix24";
import { crmRole } from "./crm-entries";
import { CRM_TYPES } from "./record-types";
import { ACTIVITY_ROLE, DEPARTMENT_ROLE, WORKGROUP_ROLE } from "./org-entries";
import { TASK_ROLES } from "./task-entries";
import type { OwnershipRole } from "./types";

export type OwnershipClient = Pick<Bitrix24Client, "call" | "batch" | "blockedFor">;

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

/** The first page of crm.type.list, as a batch command: a page that goes along with others. */
export const SMART_PROCESS_TYPES_COMMAND = { method: "crm.type.list", params: { start: 0 } } as const;

function typesOf(result: unknown): SmartProcessType[] {
  const types = (result as { types?: Array<{ entityTypeId?: unknown; title?: unknown }> } | null)?.types ?? [];
  return types.flatMap((t) => {
    const id = Number(t.entityTypeId);
    return Number.isInteger(id) && id > 0 ? [{ entityTypeId: id, title: String(t.title ?? "") }] : [];
  });
}

const refusedCatalogue = (error: unknown) =>
  error instanceof MethodNotFoundError || error instanceof AccessDeniedError || error instanceof InsufficientScopeError;

/**
 * The portal's smart-process types; none when CRM is off or the app may not read it. `first`:
 * the answer to SMART_PROCESS_TYPES_COMMAND sent in a batch with other commands, if it was.
 */
export async function smartProcessTypes(client: Pick<OwnershipClient, "call">, first?: BatchItemResult): Promise<SmartProcessType[]> {
  if (first && !first.ok) {
    if (refusedCatalogue(first.error)) return [];
    throw first.error;
  }
  const out: SmartProcessType[] = first ? typesOf(first.result) : [];
  try {
    for (let start: number | undefined = first ? first.next : 0; start !== undefined;) {
      const page = await client.call("crm.type.list", { start });
      out.push(...typesOf(page.result));
      start = page.next;
    }
  } catch (error) {
    if (refusedCatalogue(error)) return [];
    throw error;
  }
  return out;
}

/** Discovers the smart-process types, then builds the catalogue. */
export async function loadCatalogue(
  client: Pick<OwnershipClient, "call">,
  first?: BatchItemResult,
): Promise<{ roles: OwnershipRole[]; smartProcesses: SmartProcessType[] }> {
  const smartProcesses = await smartProcessTypes(client, first);
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
