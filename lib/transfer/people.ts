/**
 * Portal users as the Transfer screens show them: found by name (user.get FILTER[NAME_SEARCH],
 * dismissed ones included — b24restdocs api-reference/user/user-get.md), with position and
 * department names (department.get). Read live from the portal for the screen and never stored.
 */
import type { Bitrix24Client } from "../bitrix24";

export interface PersonView {
  id: number;
  name: string;
  active: boolean;
  position: string;
  departments: string[];
}

interface RawUser {
  ID: string | number;
  NAME?: string;
  LAST_NAME?: string;
  ACTIVE?: boolean | string;
  WORK_POSITION?: string;
  UF_DEPARTMENT?: Array<string | number> | string | number;
}

const isActive = (v: unknown) => v === true || v === "Y" || v === "true";

async function departmentNames(client: Pick<Bitrix24Client, "call">): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let start = 0; start < 5000;) {
    const page = await client.call<Array<{ ID: string; NAME: string }>>("department.get", { start });
    for (const d of page.result) out.set(Number(d.ID), d.NAME);
    if (page.next === undefined) break;
    start = page.next;
  }
  return out;
}

function view(u: RawUser, departments: Map<number, string>): PersonView {
  const ids = [u.UF_DEPARTMENT ?? []].flat().map(Number);
  return {
    id: Number(u.ID),
    name: `${u.NAME ?? ""} ${u.LAST_NAME ?? ""}`.trim() || `#${u.ID}`,
    active: isActive(u.ACTIVE),
    position: u.WORK_POSITION ?? "",
    departments: ids.map((id) => departments.get(id)).filter((n): n is string => Boolean(n)),
  };
}

/** Up to 50 users whose name matches `query` (all users when empty), active first. */
export async function searchPeople(client: Pick<Bitrix24Client, "call">, query: string): Promise<PersonView[]> {
  const filter = query.trim() ? { NAME_SEARCH: query.trim() } : {};
  const [users, departments] = await Promise.all([
    client.call<RawUser[]>("user.get", { FILTER: filter, sort: "LAST_NAME", order: "ASC" }),
    departmentNames(client),
  ]);
  return users.result.map((u) => view(u, departments)).sort((a, b) => Number(b.active) - Number(a.active));
}

/** The users with these IDs (for names shown beside IDs in history and progress). */
export async function peopleByIds(client: Pick<Bitrix24Client, "call">, ids: number[]): Promise<Map<number, PersonView>> {
  const unique = [...new Set(ids)].filter((id) => id > 0);
  if (unique.length === 0) return new Map();
  const [users, departments] = await Promise.all([client.call<RawUser[]>("user.get", { FILTER: { ID: unique } }), departmentNames(client)]);
  return new Map(users.result.map((u) => [Number(u.ID), view(u, departments)]));
}
