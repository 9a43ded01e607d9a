/**
 * What /api/health reports: the app's version and whether the database and the job queue
 * answer. Each check is bounded in time so a hung database cannot hang the health check.
 */
import packageJson from "../package.json";
import type { PrismaClient } from "./db";
import { BOSS_SCHEMA } from "./jobs";

export interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  database: { ok: boolean; latencyMs?: number; error?: string };
  queue: { ok: boolean; schemaVersion?: number; error?: string };
}

const TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))]);
}

function describe(error: unknown): string {
  // Driver errors can carry the connection string; never echo it.
  return (error instanceof Error ? error.message : String(error)).replace(/postgres(ql)?:\/\/[^\s"']+/g, "postgresql://…").slice(0, 200);
}

/** `database` is a thunk: building the client may itself fail (no DATABASE_URL), which is reported, not thrown. */
export async function checkHealth(database: () => PrismaClient): Promise<HealthReport> {
  const report: HealthReport = { status: "ok", version: packageJson.version, database: { ok: false }, queue: { ok: false } };
  try {
    const prisma = database();
    const started = Date.now();
    await withTimeout(prisma.$queryRaw`SELECT 1`);
    report.database = { ok: true, latencyMs: Date.now() - started };
    // pg-boss keeps its schema version in <schema>.version; a worker or the web process creates it.
    const rows = await withTimeout(prisma.$queryRawUnsafe<Array<{ version: number }>>(`SELECT version FROM ${BOSS_SCHEMA}.version`));
    report.queue = rows[0] ? { ok: true, schemaVersion: Number(rows[0].version) } : { ok: false, error: "pg-boss schema is empty" };
  } catch (error) {
    if (!report.database.ok) report.database = { ok: false, error: describe(error) };
    else report.queue = { ok: false, error: describe(error) };
  }
  if (!report.database.ok || !report.queue.ok) report.status = "degraded";
  return report;
}
