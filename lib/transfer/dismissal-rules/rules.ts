/**
 * The dismissal rules an administrator keeps per department (DismissalRule rows; IDs only): where a
 * dismissed employee's open work goes and after how many days. Saving and removing a rule are
 * operation-log entries (who changed which department's rule).
 */
import { z } from "zod";
import type { PrismaClient } from "../../db";
import { recordOperation } from "../../operation-log";
import type { DismissalRuleView } from "./receiver";

/** The longest grace period a rule may set: a quarter of a year. */
export const MAX_GRACE_DAYS = 90;

export const dismissalRuleSchema = z
  .object({
    departmentId: z.number().int().min(0),
    target: z.enum(["manager", "head", "colleague"]),
    colleagueId: z.number().int().positive().nullable().default(null),
    graceDays: z.number().int().min(0).max(MAX_GRACE_DAYS),
  })
  .refine((r) => r.target !== "colleague" || r.colleagueId !== null, { message: "A colleague rule names the colleague", path: ["colleagueId"] })
  .transform((r) => ({ ...r, colleagueId: r.target === "colleague" ? r.colleagueId : null }));

export type DismissalRuleInput = z.input<typeof dismissalRuleSchema>;

type Db = Pick<PrismaClient, "dismissalRule" | "operationLog" | "$transaction">;

export async function listRules(prisma: Pick<PrismaClient, "dismissalRule">, portalId: string): Promise<DismissalRuleView[]> {
  const rows = await prisma.dismissalRule.findMany({ where: { portalId }, orderBy: { departmentId: "asc" } });
  return rows.map((r) => ({
    departmentId: r.departmentId,
    target: r.target as DismissalRuleView["target"],
    colleagueId: r.colleagueId,
    graceDays: r.graceDays,
  }));
}

/** Creates or replaces a department's rule. */
export async function saveRule(prisma: Db, portalId: string, actorUserId: number, input: DismissalRuleInput): Promise<DismissalRuleView> {
  const rule = dismissalRuleSchema.parse(input);
  await prisma.$transaction(async (tx) => {
    await tx.dismissalRule.upsert({
      where: { portalId_departmentId: { portalId, departmentId: rule.departmentId } },
      create: { portalId, ...rule, updatedBy: actorUserId },
      update: { target: rule.target, colleagueId: rule.colleagueId, graceDays: rule.graceDays, updatedBy: actorUserId },
    });
    await recordOperation(tx, { portalId, tool: "transfer", action: "dismissal-rule", actorUserId, details: { ...rule } });
  });
  return rule;
}

/** Removes a department's rule; false when it had none. */
export async function removeRule(prisma: Db, portalId: string, actorUserId: number, departmentId: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.dismissalRule.deleteMany({ where: { portalId, departmentId } });
    if (count) await recordOperation(tx, { portalId, tool: "transfer", action: "dismissal-rule-removed", actorUserId, details: { departmentId } });
    return count > 0;
  });
}
