/**
 * Hand-overs the dismissal rules planned (DismissalPlan rows; IDs only). The watch plans one per
 * newly dismissed employee with open work whose department has a rule; it is due when the rule's
 * grace period has passed on the portal's clock (server.time — b24restdocs api-reference/common/
 * system/server-time.md: the portal's own time, which is the one its people live by). Until then
 * an administrator may run it at once, change its receiver or date, or cancel it.
 */
import type { Bitrix24Client } from "../../bitrix24";
import type { PrismaClient } from "../../db";
import { recordOperation } from "../../operation-log";
import { isActive, readDepartments } from "../../people";
import { departmentIndex, receiverFor, ruleFor, type DepartmentNode } from "./receiver";
import { listRules } from "./rules";

export type PlanState = "planned" | "started" | "cancelled";

export interface PlanView {
  id: string;
  userId: number;
  departmentId: number;
  receiverId: number | null;
  dueAt: string;
  state: PlanState;
  transferId: string | null;
  /** Why it cannot run as planned (a message key's last part), or null. */
  problem: string | null;
  createdAt: string;
}

type Client = Pick<Bitrix24Client, "call" | "listAll">;

/** The portal's clock (server.time answers its current time, ISO 8601). */
export async function portalNow(client: Pick<Bitrix24Client, "call">): Promise<Date> {
  const answer = await client.call<string>("server.time");
  const ms = Date.parse(String(answer.result));
  if (!Number.isFinite(ms)) throw new Error("server.time answered no date");
  return new Date(ms);
}

/** The portal's departments as the rules walk them (lib/people reads department.get). */
export async function departmentTree(client: Pick<Bitrix24Client, "listAll">): Promise<DepartmentNode[]> {
  return (await readDepartments(client)).map((d) => ({ id: d.id, parentId: d.parentId || null, headUserId: d.headId || null }));
}

function view(row: {
  id: string;
  userId: number;
  departmentId: number;
  receiverId: number | null;
  dueAt: Date;
  state: string;
  transferId: string | null;
  problem: string | null;
  createdAt: Date;
}): PlanView {
  return {
    id: row.id,
    userId: row.userId,
    departmentId: row.departmentId,
    receiverId: row.receiverId,
    dueAt: row.dueAt.toISOString(),
    state: row.state as PlanState,
    transferId: row.transferId,
    problem: row.problem,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface Leaver {
  userId: number;
  /** UF_DEPARTMENT, in its order. */
  departmentIds: number[];
}

/**
 * Plans a hand-over for each leaver whose department has a rule (one plan per person: a plan made
 * before stays as it is). The receiver must be an active user; when the rule names nobody, or a
 * dismissed person, the plan waits for an administrator to choose (`problem`).
 */
export async function planHandOvers(prisma: PrismaClient, client: Client, portalId: string, leavers: readonly Leaver[]): Promise<Map<number, PlanView>> {
  const out = new Map<number, PlanView>();
  const rules = await listRules(prisma, portalId);
  if (!rules.length || !leavers.length) return out;
  const index = departmentIndex(await departmentTree(client));
  const now = await portalNow(client);
  const wanted = leavers.flatMap((l) => {
    const rule = ruleFor(rules, index, l.departmentIds);
    return rule ? [{ leaver: l, rule, receiver: receiverFor(rule, index, l.userId, l.departmentIds) }] : [];
  });
  const receivers = [...new Set(wanted.map((w) => w.receiver).filter((r): r is number => r !== null))];
  const active = new Set<number>();
  if (receivers.length) {
    const users = await client.call<Array<{ ID: string | number; ACTIVE: boolean | string }>>("user.get", { FILTER: { ID: receivers } });
    for (const u of users.result) if (isActive(u)) active.add(Number(u.ID));
  }
  for (const { leaver, rule, receiver } of wanted) {
    const usable = receiver !== null && active.has(receiver) ? receiver : null;
    const row = await prisma.dismissalPlan.upsert({
      where: { portalId_userId: { portalId, userId: leaver.userId } },
      create: {
        portalId,
        userId: leaver.userId,
        departmentId: rule.departmentId,
        receiverId: usable,
        dueAt: new Date(now.getTime() + rule.graceDays * 86_400_000),
        problem: usable === null ? (receiver === null ? "no-receiver" : "receiver-inactive") : null,
      },
      update: {},
    });
    out.set(leaver.userId, view(row));
  }
  return out;
}

export async function listPlans(prisma: Pick<PrismaClient, "dismissalPlan">, portalId: string, take = 100): Promise<PlanView[]> {
  const rows = await prisma.dismissalPlan.findMany({ where: { portalId }, orderBy: [{ state: "desc" }, { dueAt: "asc" }], take });
  return rows.map(view);
}

export async function findPlan(prisma: Pick<PrismaClient, "dismissalPlan">, portalId: string, planId: string): Promise<PlanView | null> {
  const row = await prisma.dismissalPlan.findFirst({ where: { id: planId, portalId } });
  return row ? view(row) : null;
}

/** Changes a planned hand-over's receiver and/or date; false when it is no longer planned. */
export async function changePlan(
  prisma: Pick<PrismaClient, "dismissalPlan" | "operationLog" | "$transaction">,
  portalId: string,
  actorUserId: number,
  planId: string,
  change: { receiverId?: number; dueAt?: Date },
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissalPlan.updateMany({
      where: { id: planId, portalId, state: "planned" },
      data: {
        ...(change.receiverId !== undefined ? { receiverId: change.receiverId, problem: null } : {}),
        ...(change.dueAt ? { dueAt: change.dueAt } : {}),
        decidedBy: actorUserId,
        decidedAt: new Date(),
      },
    });
    if (count) {
      const plan = await tx.dismissalPlan.findUniqueOrThrow({ where: { id: planId } });
      await recordOperation(tx, {
        portalId,
        tool: "transfer",
        action: "dismissal-plan-changed",
        actorUserId,
        subjectUserId: plan.userId,
        details: { plan: planId, receiver: plan.receiverId, dueAt: plan.dueAt.toISOString() },
      });
    }
    return count > 0;
  });
}

/** Cancels a planned hand-over (nothing moves); false when it is no longer planned. */
export async function cancelPlan(
  prisma: Pick<PrismaClient, "dismissalPlan" | "operationLog" | "$transaction">,
  portalId: string,
  actorUserId: number,
  planId: string,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissalPlan.updateMany({
      where: { id: planId, portalId, state: "planned" },
      data: { state: "cancelled", decidedBy: actorUserId, decidedAt: new Date() },
    });
    if (count) {
      const plan = await tx.dismissalPlan.findUniqueOrThrow({ where: { id: planId } });
      await recordOperation(tx, {
        portalId,
        tool: "transfer",
        action: "dismissal-plan-cancelled",
        actorUserId,
        subjectUserId: plan.userId,
        details: { plan: planId },
      });
    }
    return count > 0;
  });
}
