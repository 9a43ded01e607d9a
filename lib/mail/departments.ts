/**
 * Department names for colleague cards, cached per portal in this process (they change rarely and
 * a lookup should stay one request). A cold cache adds `department.get` (lib/people's command) to
 * the lookup's batch (b24restdocs api-reference/departments/department-get.md: pages of 50); a
 * portal with more departments than one page gets the rest with a follow-up list, once per cache
 * lifetime.
 */
import type { BatchItemResult, Bitrix24Client } from "../bitrix24";
import { DEPARTMENTS_COMMAND, departmentNames as namesOf, departmentsFrom } from "../people";

const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; names: Map<number, string> }>();

export function departmentNames(portalId: string): Map<number, string> | null {
  const hit = cache.get(portalId);
  return hit && Date.now() - hit.at < TTL_MS ? hit.names : null;
}

export async function rememberDepartments(client: Bitrix24Client, portalId: string, answer: BatchItemResult | undefined): Promise<Map<number, string>> {
  if (!answer?.ok || !Array.isArray(answer.result)) return new Map(); // no department scope or access: show none, do not cache
  let list: unknown[] = answer.result;
  if (answer.next !== undefined && answer.total !== undefined && answer.total > list.length) {
    // department.get pages by `start` only (no ID filter), so page the plain way.
    for (let start: number | undefined = answer.next; start !== undefined;) {
      const page: { result: unknown[]; next?: number } = await client.call<unknown[]>(DEPARTMENTS_COMMAND.method, { ...DEPARTMENTS_COMMAND.params, start });
      list = list.concat(page.result);
      start = page.next;
    }
  }
  const names = namesOf(departmentsFrom(list));
  cache.set(portalId, { at: Date.now(), names });
  return names;
}
