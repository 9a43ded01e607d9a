/**
 * Completing a robot's call: what the hand-over moved, per kind, as the robot's return values, and
 * a line for the workflow's log in the portal's language (bizproc.event.send: EVENT_TOKEN,
 * RETURN_VALUES, LOG_MESSAGE; b24restdocs api-reference/bizproc/bizproc-robot/bizproc-event-send.md).
 * The automation waits for this answer (USE_SUBSCRIPTION=Y), so it is sent whatever happened.
 */
import { Bitrix24Error, type Bitrix24Client } from "../../bitrix24";
import type { PrismaClient } from "../../db";
import { logger } from "../../log";
import type { RobotResults } from "./definition";

const log = logger("robot");

const RESULT_OF_TYPE: Record<string, keyof RobotResults> = {
  contact: "movedContacts",
  company: "movedCompanies",
  activity: "movedActivities",
  task: "movedTasks",
};

export const NOTHING_MOVED: RobotResults = { movedContacts: 0, movedCompanies: 0, movedActivities: 0, movedTasks: 0, failed: 0 };

/** What a hand-over's items came to: moved per kind; failed and skipped (changed meanwhile) count as not moved. */
export async function resultsOf(prisma: Pick<PrismaClient, "transferItem">, transferId: string): Promise<RobotResults> {
  const rows = await prisma.transferItem.groupBy({ by: ["type", "state"], where: { transferId }, _count: { _all: true } });
  const out = { ...NOTHING_MOVED };
  for (const r of rows) {
    if (r.state === "moved" && RESULT_OF_TYPE[r.type]) out[RESULT_OF_TYPE[r.type]] += r._count._all;
    else if (r.state === "failed" || r.state === "skipped") out.failed += r._count._all;
  }
  return out;
}

export const movedIn = (r: RobotResults) => r.movedContacts + r.movedCompanies + r.movedActivities + r.movedTasks;

/**
 * Sends the answer. A workflow that ended meanwhile (stopped, its record deleted) refuses it: that
 * is logged and not retried; limits and network failures throw, and the job tries again.
 */
export async function answerRobotCall(client: Pick<Bitrix24Client, "call">, eventToken: string, results: RobotResults, message: string): Promise<boolean> {
  try {
    await client.call("bizproc.event.send", { EVENT_TOKEN: eventToken, RETURN_VALUES: results, LOG_MESSAGE: message });
    return true;
  } catch (error) {
    if (error instanceof Bitrix24Error && error.status >= 400 && error.status < 500 && error.status !== 429) {
      log.warn("answer refused", { code: error.code });
      return false;
    }
    throw error;
  }
}
