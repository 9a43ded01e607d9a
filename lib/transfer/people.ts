/**
 * Portal users as the Transfer screens show them: found by name (user.get FILTER[NAME_SEARCH],
 * dismissed ones included — b24restdocs api-reference/user/user-get.md), with position and
 * department names (lib/people). Read live from the portal for the screen and never stored.
 */
import type { Bitrix24Client } from "../bitrix24";
import { departmentIdsOf, departmentNames, displayName, isActive, readDepartments } from "../people";

export interface PersonView {
  id: number;
  name: string;
  active: boolean;
  /** As the profile says (PERSONAL_GENDER "F"/"M"), for words that agree with it (Russian "уволена"); null when not given. */
  gender: "female" | "male" | null;
  /** An external (extranet) user: never a receiver (receivers.ts). */
  external: boolean;
  position: string;
  departments: string[];
}

export interface RawUser {
  ID: string | number;
  NAME?: unknown;
  LAST_NAME?: unknown;
  ACTIVE?: unknown;
  PERSONAL_GENDER?: unknown;
  USER_TYPE?: unknown;
  WORK_POSITION?: unknown;
  UF_DEPARTMENT?: unknown;
}

type PeopleClient = Pick<Bitrix24Client, "call" | "listAll">;

/** A user.get row as the screens show it, with the names of the departments known. */
export function personView(u: RawUser, departments: Map<number, string>): PersonView {
  return {
    id: Number(u.ID),
    name: displayName(u) || `#${u.ID}`,
    active: isActive(u),
    gender: u.PERSONAL_GENDER === "F" ? "female" : u.PERSONAL_GENDER === "M" ? "male" : null,
    external: typeof u.USER_TYPE === "string" && u.USER_TYPE !== "" && u.USER_TYPE !== "employee",
    position: typeof u.WORK_POSITION === "string" ? u.WORK_POSITION : "",
    departments: departmentIdsOf(u)
      .map((id) => departments.get(id))
      .filter((n): n is string => Boolean(n)),
  };
}

async function namesOfDepartments(client: PeopleClient): Promise<Map<number, string>> {
  return departmentNames(await readDepartments(client));
}

/** Up to 50 users whose name matches `query` (all users when empty), active first. */
export async function searchPeople(client: PeopleClient, query: string): Promise<PersonView[]> {
  const filter = query.trim() ? { NAME_SEARCH: query.trim() } : {};
  const [users, departments] = await Promise.all([
    client.call<RawUser[]>("user.get", { FILTER: filter, sort: "LAST_NAME", order: "ASC" }),
    namesOfDepartments(client),
  ]);
  return users.result.map((u) => personView(u, departments)).sort((a, b) => Number(b.active) - Number(a.active));
}

/** The users with these IDs (for names shown beside IDs in history and progress). */
export async function peopleByIds(client: PeopleClient, ids: number[]): Promise<Map<number, PersonView>> {
  const unique = [...new Set(ids)].filter((id) => id > 0);
  if (unique.length === 0) return new Map();
  const [users, departments] = await Promise.all([client.call<RawUser[]>("user.get", { FILTER: { ID: unique } }), namesOfDepartments(client)]);
  return new Map(users.result.map((u) => [Number(u.ID), personView(u, departments)]));
}
