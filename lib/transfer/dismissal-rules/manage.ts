/**
 * The ways into the dismissal rules for an administrator (app/(portal)/transfer/rules): read the
 * page, save or remove a department's rule, change, cancel or start a planned hand-over, and run
 * the dismissal check for their portal at once. Each answers `{ ok: true, … }` or throws a
 * refusal (lib/errors Refused); the admin check is the caller's (portalAction) and is made again
 * by the portal for every call we make as that administrator.
 */
import { z } from "zod";
import { Refused } from "../../errors";
import { readDepartments } from "../../people";
import type { Session } from "../../service-types";
import type { TransferServices } from "../deps";
import { watchPortal } from "../dismissal-watch";
import { peopleByIds, type PersonView } from "../people";
import { checkReceivers } from "../receivers";
import { cancelPlan, changePlan, listPlans, type PlanView } from "./plans";
import type { DismissalRuleView } from "./receiver";
import { dismissalRuleSchema, listRules, removeRule, saveRule } from "./rules";
import { startPlan } from "./start-plan";

type Actor = Pick<Session, "portalId" | "userId">;

export { dismissalRuleSchema };

export interface DismissalRulesPage {
  rules: DismissalRuleView[];
  plans: PlanView[];
  departments: Array<{ id: number; name: string }>;
  /** The people the rules and plans name, read live (never stored). */
  people: Map<number, PersonView>;
}

/** The rules page's data: rules, planned hand-overs, the portal's departments and the people they name. */
export async function readDismissalRules(services: TransferServices, session: Actor): Promise<DismissalRulesPage> {
  const client = await services.clients.clientFor(session.portalId, { userId: session.userId });
  const [rules, plans, departments] = await Promise.all([
    listRules(services.prisma, session.portalId),
    listPlans(services.prisma, session.portalId),
    readDepartments(client),
  ]);
  const ids = [...rules.map((r) => r.colleagueId ?? 0), ...plans.flatMap((p) => [p.userId, p.receiverId ?? 0])];
  return { rules, plans, departments: departments.map((d) => ({ id: d.id, name: d.name })), people: await peopleByIds(client, ids) };
}

export async function saveDismissalRule(services: TransferServices, session: Actor, input: z.input<typeof dismissalRuleSchema>): Promise<{ ok: true }> {
  const rule = dismissalRuleSchema.parse(input);
  if (rule.colleagueId !== null) {
    await checkReceivers(await services.clients.clientFor(session.portalId, { userId: session.userId }), [rule.colleagueId]);
  }
  await saveRule(services.prisma, session.portalId, session.userId, rule);
  return { ok: true };
}

export async function removeDismissalRule(
  services: TransferServices,
  session: Actor,
  input: { departmentId: number },
): Promise<{ ok: true; removed: boolean }> {
  return { ok: true, removed: await removeRule(services.prisma, session.portalId, session.userId, input.departmentId) };
}

/** Gives a planned hand-over another receiver (who must be active: the leaver is not). */
export async function changeDismissalPlan(services: TransferServices, session: Actor, input: { planId: string; receiverId: number }): Promise<{ ok: true }> {
  await checkReceivers(await services.clients.clientFor(session.portalId, { userId: session.userId }), [input.receiverId]);
  if (!(await changePlan(services.prisma, session.portalId, session.userId, input.planId, { receiverId: input.receiverId }))) {
    throw new Refused("transfer.refused.plan_closed");
  }
  return { ok: true };
}

/** Cancels a planned hand-over: nothing moves. */
export async function cancelDismissalPlan(services: TransferServices, session: Actor, input: { planId: string }): Promise<{ ok: true }> {
  if (!(await cancelPlan(services.prisma, session.portalId, session.userId, input.planId))) throw new Refused("transfer.refused.plan_closed");
  return { ok: true };
}

/** Starts a planned hand-over now, as the signed-in administrator; answers its transfer. */
export async function runDismissalPlan(services: TransferServices, session: Actor, input: { planId: string }): Promise<{ ok: true; transferId: string }> {
  const plan = await services.prisma.dismissalPlan.findFirst({
    where: { id: input.planId, portalId: session.portalId },
    select: { id: true, portalId: true, userId: true, receiverId: true, state: true },
  });
  if (!plan) throw new Refused("transfer.refused.not_found", { status: 404 });
  if (plan.state !== "planned") throw new Refused("transfer.refused.plan_closed");
  return { ok: true, transferId: await startPlan(services, plan, session.userId) };
}

/** Runs the dismissal check for the administrator's portal now (the daily job does every portal). */
export async function checkDismissalsNow(services: TransferServices, session: Actor): Promise<{ ok: true; reported: number }> {
  const portal = await services.prisma.portal.findUniqueOrThrow({
    where: { id: session.portalId },
    select: { id: true, lang: true, domain: true, protocol: true },
  });
  return { ok: true, reported: await watchPortal(services, portal) };
}
