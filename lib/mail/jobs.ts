/**
 * Mail's recurring job, listed in lib/job-catalogue.ts: `mail.dismissed-sessions` — hourly, ends
 * the extension sessions of people the portal has dismissed (dismissed-sessions.ts).
 */
import type PgBoss from "pg-boss";
import { z } from "zod";
import type { PrismaClient } from "../db";
import { defineJob, scheduleRecurring } from "../jobs";
import { endDismissedSessions } from "./dismissed-sessions";

export const DISMISSED_SESSIONS_KIND = "mail.dismissed-sessions";
const DISMISSED_SESSIONS_RUN_ID = "mail-dismissed-sessions";

export const dismissedSessionsJob = defineJob<Record<string, never> | null | undefined, { portals: number; ended: number }>({
  kind: DISMISSED_SESSIONS_KIND,
  input: z.object({}).strict().nullish(),
  retryLimit: 1,
  retryDelaySeconds: 60,
  expireInSeconds: 1800,
  exclusivePerPortal: false,
  handler: (context) => endDismissedSessions({ prisma: context.prisma, clients: context.clients, now: () => context.now().getTime() }),
});

/** Declares the hourly check (idempotent), at minute 17 so it does not start with every other hourly job. */
export async function scheduleMailJobs(prisma: PrismaClient, boss: PgBoss): Promise<void> {
  await scheduleRecurring(prisma, boss, { jobRunId: DISMISSED_SESSIONS_RUN_ID, kind: DISMISSED_SESSIONS_KIND, cron: "17 * * * *" });
}
