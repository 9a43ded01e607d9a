/**
 * What `npm run bench:transfer` measures of reading (issue 21): the requests the plan took (the
 * `batch` requests between Run and the plan being saved, from the emulator's log: the web process
 * sends none in that window) against the goal of 2,000 planned records a request or better, and
 * the requests of the leaver's overview (lib/transfer readOverview) against the goal of two.
 */
import { createClientFactory, type TokenStore } from "../../lib/bitrix24";
import type { PrismaClient } from "../../lib/db";
import { readOverview } from "../../lib/transfer";

export const GOAL_RECORDS_PER_PLANNING_REQUEST = 2000;
export const GOAL_OVERVIEW_REQUESTS = 2;

interface LoggedCall {
  at: string;
  method: string;
  inBatch: boolean;
}

/** The plan's requests: batches sent between `from` and `to` (ms). */
export function planningRequests(calls: readonly LoggedCall[], from: number, to: number): number {
  return calls.filter((c) => !c.inBatch && c.method === "batch" && Date.parse(c.at) >= from - 50 && Date.parse(c.at) <= to + 50).length;
}

/** Opens the leaver's overview as `adminId` once and counts its HTTP requests to the portal. */
export async function overviewRequests(
  prisma: PrismaClient,
  tokens: TokenStore,
  portalId: string,
  adminId: number,
  leaver: number,
): Promise<{ requests: number; roles: number }> {
  let requests = 0;
  const factory = createClientFactory({ prisma, tokens, sharedRateLimit: true, onEvent: (e) => void (e.type === "request" && requests++) });
  const overview = await readOverview({ prisma, clients: factory }, { portalId, userId: adminId }, { userId: leaver });
  return { requests, roles: overview.counts.length };
}

/** "N requests for M records = R a request; goal ≥ 2,000 met|MISSED". */
export function planningLine(requests: number, records: number): string {
  const per = records / Math.max(1, requests);
  return `${requests} for ${records} planned records = ${per.toFixed(0)} a request; goal ≥ ${GOAL_RECORDS_PER_PLANNING_REQUEST} ${per >= GOAL_RECORDS_PER_PLANNING_REQUEST ? "met" : "MISSED"}`;
}
