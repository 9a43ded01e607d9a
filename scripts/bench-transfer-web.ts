/**
 * The web process of `npm run bench:transfer` (scripts/bench-transfer.ts starts it with an IPC
 * channel). Not the Next.js server — building it takes minutes on the bench machine — but a
 * process that does, through the same code, what the web process does to the portal while a
 * transfer runs: the process's services (lib/services.ts) and job queue as instrumentation.ts
 * starts them, the Run action's work (admin asked afresh, receivers checked, transfer recorded
 * and enqueued: app/(portal)/transfer/actions.ts), the progress page (names from the portal
 * once, then the status action every second: admin re-checked at most every
 * ADMIN_RECHECK_MAX_AGE_MS, progress from the database), and optionally the leaver's overview
 * reloaded every `overviewEverySeconds` (lib/transfer readOverview: two requests). Every portal
 * call goes through the process's own per-portal limiter, as in the app.
 *
 * Messages in: { run: RunCommand } | { stop: true }. Out: { ready } | { started } | { done }.
 */
import { ADMIN_RECHECK_MAX_AGE_MS } from "../lib/admin-rights";
import { disconnectAll } from "../lib/db";
import { services, startJobs } from "../lib/services";
import { peopleByIds, readOverview, readTransferProgress, startTransfer, transferRequestSchema, type TransferRequest } from "../lib/transfer";

export interface RunCommand {
  portalId: string;
  adminId: number;
  request: TransferRequest;
  /** 0 = the overview is not reloaded while the transfer runs. */
  overviewEverySeconds: number;
}

export type WebMessage =
  | { ready: true }
  | { started: { transferId: string; clickedAt: number } }
  | { done: { transferId: string; state: string; polls: number; overviews: number; overviewsFailed: string[] } }
  | { failed: string };

const send = (m: WebMessage) => process.send!(m);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(command: RunCommand): Promise<void> {
  const s = services();
  const session = { portalId: command.portalId, userId: command.adminId };
  const clickedAt = Date.now();
  // The Run button: a server action for admins (re-checked at most ADMIN_RECHECK_MAX_AGE_MS ago).
  if (!(await s.adminRights.isStillAdmin(session, { maxAgeMs: ADMIN_RECHECK_MAX_AGE_MS }))) throw new Error("not an admin");
  const request = transferRequestSchema.parse(command.request);
  const { transferId } = await startTransfer(s, session, request);
  send({ started: { transferId, clickedAt } });
  // The progress page: names of the people from the portal once, then the status every second.
  const client = await s.clients.clientFor(command.portalId, { userId: command.adminId });
  await peopleByIds(client, [request.fromUserId, ...request.receiverIds]);
  let polls = 0;
  let overviews = 0;
  // An overview the portal refused (after the client's retries) is what the admin would see as an error page.
  const overviewsFailed: string[] = [];
  let lastOverview = Date.now();
  for (;;) {
    await sleep(1000);
    await s.adminRights.isStillAdmin(session, { maxAgeMs: ADMIN_RECHECK_MAX_AGE_MS });
    const progress = await readTransferProgress(s, command.portalId, transferId);
    polls++;
    if (!progress || ["completed", "cancelled", "failed"].includes(progress.state)) {
      send({ done: { transferId, state: progress?.state ?? "missing", polls, overviews, overviewsFailed } });
      return;
    }
    if (command.overviewEverySeconds > 0 && Date.now() - lastOverview >= command.overviewEverySeconds * 1000) {
      lastOverview = Date.now();
      try {
        await readOverview(s, session, { userId: request.fromUserId });
        overviews++;
      } catch (error) {
        overviewsFailed.push(error instanceof Error ? error.message : String(error));
      }
    }
  }
}

const stopJobs = await startJobs(services(), { work: false });
process.on("message", (message: { run?: RunCommand; stop?: true }) => {
  if (message.stop) {
    void stopJobs()
      .then(() => disconnectAll())
      .finally(() => process.exit(0));
    return;
  }
  if (message.run) run(message.run).catch((error: unknown) => send({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
send({ ready: true });
