/**
 * "Anonymise everyone dismissed more than N months ago": who that is, listed by name and counted
 * before the administrator confirms, and the start for exactly the people they confirmed who
 * still match. Bitrix24 gives no dismissal date, so "dismissed N months ago" reads as "not signed
 * in for N months" (dismissed.ts); someone who never signed in is not in the sweep.
 */
import { Refused } from "../../errors";
import type { Session } from "../../service-types";
import type { PrivacyDeps, PrivacyServices } from "../deps";
import { dismissedBefore, findDismissed } from "../dismissed";
import { refusal } from "./permissions";
import { startChange, type Started } from "./start-requests";

export const SWEEP_MONTHS = { min: 1, max: 120 } as const;

export interface SweepPerson {
  id: number;
  name: string;
  /** ISO time of their last sign-in. */
  lastLogin: string;
}

function checkMonths(months: number): void {
  // 0 is refused, not read as 1: the admin sees what they typed was not used.
  if (!Number.isInteger(months) || months < SWEEP_MONTHS.min || months > SWEEP_MONTHS.max) {
    throw new Refused("privacy.refused.months_range", { status: 400, params: { ...SWEEP_MONTHS } });
  }
}

/** The dismissed employees not signed in for more than `months` months, by name. */
export async function readSweep(
  services: Pick<PrivacyDeps, "clients" | "now">,
  session: Session,
  input: { months: number },
): Promise<{ ok: true; months: number; people: SweepPerson[] }> {
  if (!session.isAdmin) throw refusal("not_admin");
  checkMonths(input.months);
  const client = await services.clients.clientFor(session.portalId, { userId: session.userId });
  const cutoff = dismissedBefore(services.now?.() ?? new Date(), input.months);
  const people: SweepPerson[] = [];
  for await (const page of findDismissed(client, {})) {
    for (const u of page) if (u.lastLogin && u.lastLogin < cutoff) people.push({ id: u.id, name: u.name, lastLogin: u.lastLogin });
  }
  people.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return { ok: true, months: input.months, people };
}

/** Anonymises the confirmed people who still match (anyone else is left alone), as one job. */
export async function startDismissedSweep(
  services: PrivacyServices,
  session: Session,
  input: { months: number; userIds: readonly number[] },
): Promise<Started> {
  const { people } = await readSweep(services, session, input);
  const matching = new Set(people.map((p) => p.id));
  const subjects = input.userIds.filter((id) => matching.has(id));
  if (subjects.length === 0) throw new Refused("privacy.refused.nothing_to_do", { status: 400 });
  return startChange(services, session, { kind: "anonymise", subjects });
}
