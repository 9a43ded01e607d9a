/**
 * Dismissed employees: `user.get` with lib/people's filter (an employee whose account is no longer
 * active: b24restdocs api-reference/user/user-get.md). Bitrix24 tells apps no date of dismissal, so the list shows the
 * last sign-in (LAST_LOGIN), which the UI labels as such; "dismissed more than N months ago" is
 * read as "not signed in for N months", which a dismissed account can no longer do.
 */
import type { Bitrix24Client } from "../bitrix24";
import { departmentIdsOf, DISMISSED_EMPLOYEES, displayName } from "../people";

export interface DismissedUser {
  id: number;
  name: string;
  departmentIds: number[];
  position: string;
  /** ISO time of the last sign-in, or null when the portal has none. */
  lastLogin: string | null;
  photo: string | null;
}

export function toDismissed(u: Record<string, unknown>): DismissedUser {
  const last = typeof u.LAST_LOGIN === "string" && u.LAST_LOGIN ? new Date(u.LAST_LOGIN) : null;
  return {
    id: Number(u.ID),
    name: displayName(u),
    departmentIds: departmentIdsOf(u),
    position: typeof u.WORK_POSITION === "string" ? u.WORK_POSITION : "",
    lastLogin: last && !Number.isNaN(last.getTime()) ? last.toISOString() : null,
    photo: typeof u.PERSONAL_PHOTO === "string" && u.PERSONAL_PHOTO ? u.PERSONAL_PHOTO : null,
  };
}

/** Every dismissed employee (page by page), optionally filtered by department or a search text. */
export async function* findDismissed(
  client: Pick<Bitrix24Client, "listPages">,
  options: { departmentId?: number; search?: string },
): AsyncGenerator<DismissedUser[]> {
  const filter: Record<string, string | number | boolean> = { ...DISMISSED_EMPLOYEES };
  if (options.departmentId) filter.UF_DEPARTMENT = options.departmentId;
  if (options.search) filter.NAME_SEARCH = options.search;
  for await (const page of client.listPages<Record<string, unknown>>("user.get", { FILTER: filter })) yield page.map(toDismissed);
}

/** The instant N calendar months before `now` (UTC). */
export function dismissedBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}
