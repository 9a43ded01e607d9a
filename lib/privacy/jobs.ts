/**
 * The Privacy tool's durable jobs (listed in lib/job-catalogue.ts). Both run one per portal at a
 * time (they share the portal's rate limit) and are resumable (download/run-download.ts, change/run-changes.ts). When the
 * last attempt fails, the requests still open are marked failed, so the log never shows a
 * request running forever.
 */
import { z } from "zod";
import { defineJob, type JobContext } from "../jobs";
import { runDownload, type DownloadInput } from "./download/run-download";
import { runChanges, type ChangeInput, type ChangeResult } from "./change/run-changes";
import { markRequest } from "./requests/requests-log";

const lang = z.enum(["en", "ru", "de"]);

export const downloadInputSchema = z.object({
  requestId: z.string().min(1),
  subjectUserId: z.number().int().positive(),
  lang,
  saveToDrive: z.boolean(),
});

export const changeInputSchema = z
  .object({
    kind: z.enum(["anonymise", "erase"]),
    // Up to a large portal's whole dismissed sweep (requests/sweep.ts), one request per person.
    requestIds: z.array(z.string().min(1)).max(5000).optional(),
    dismissedMonths: z.number().int().min(1).max(120).optional(),
    lang,
    actAsStarter: z.boolean(),
  })
  .refine((i) => (i.requestIds === undefined) !== (i.dismissedMonths === undefined), { message: "either requestIds or dismissedMonths" });

const RETRY_LIMIT = 3;

async function failOpenRequests(context: JobContext<unknown>): Promise<void> {
  if (context.attempt <= RETRY_LIMIT) return;
  const open = await context.prisma.privacyRequest.findMany({
    where: { jobRunId: context.jobRunId, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  for (const r of open) await markRequest(context.prisma, r.id, "failed", { error: "job_failed" });
}

export const privacyDownloadJob = defineJob<DownloadInput, Awaited<ReturnType<typeof runDownload>>>({
  kind: "privacy.download",
  input: downloadInputSchema,
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 5,
  expireInSeconds: 30 * 60,
  exclusivePerPortal: true,
  async handler(context) {
    const input = downloadInputSchema.parse(context.input);
    if (!context.portalId) throw new Error("privacy.download needs a portal");
    try {
      return await runDownload(context, { jobRunId: context.jobRunId, portalId: context.portalId, input, reportProgress: context.reportProgress });
    } catch (error) {
      await failOpenRequests(context);
      throw error;
    }
  },
});

export const privacyChangeJob = defineJob<ChangeInput, ChangeResult>({
  kind: "privacy.change",
  input: changeInputSchema,
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 5,
  expireInSeconds: 30 * 60,
  exclusivePerPortal: true,
  async handler(context) {
    const input = changeInputSchema.parse(context.input);
    if (!context.portalId) throw new Error("privacy.change needs a portal");
    try {
      return await runChanges(context, {
        jobRunId: context.jobRunId,
        portalId: context.portalId,
        startedBy: context.startedBy,
        input,
        reportProgress: context.reportProgress,
      });
    } catch (error) {
      await failOpenRequests(context);
      throw error;
    }
  },
});
