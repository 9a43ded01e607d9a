"use server";

import { z } from "zod";
import { services } from "@/lib/services";
import {
  cancelDismissalPlan,
  changeDismissalPlan,
  checkDismissalsNow,
  dismissalRuleSchema,
  removeDismissalRule,
  runDismissalPlan,
  saveDismissalRule,
} from "@/lib/transfer";
import { portalAction } from "../../server-action";

// Administrators only, checked on the server first (portalAction), then the input is parsed, then
// one call into lib/transfer. Starting a hand-over moves records: it asks the portal afresh
// whether the user is still an administrator (destructive).

const planInput = z.object({ planId: z.string().min(1).max(40) });

export const saveRule = portalAction({ admin: true, input: dismissalRuleSchema }, async (rule, session) => saveDismissalRule(services(), session, rule));

export const removeRule = portalAction({ admin: true, input: z.object({ departmentId: z.number().int().min(0) }) }, async (input, session) =>
  removeDismissalRule(services(), session, input),
);

export const changePlanReceiver = portalAction({ admin: true, input: planInput.extend({ receiverId: z.number().int().positive() }) }, async (input, session) =>
  changeDismissalPlan(services(), session, input),
);

export const cancelPlan = portalAction({ admin: true, input: planInput }, async (input, session) => cancelDismissalPlan(services(), session, input));

export const runPlanNow = portalAction({ destructive: true, input: planInput }, async (input, session) => runDismissalPlan(services(), session, input));

export const checkNow = portalAction({ admin: true, input: z.object({}) }, async (_input, session) => checkDismissalsNow(services(), session));
