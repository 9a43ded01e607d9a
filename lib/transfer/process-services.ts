/**
 * The process's services for the Transfer jobs (the worker and the web process): database,
 * Bitrix24 clients and the job queue, configured from lib/env.ts.
 */
import { bitrix24 } from "../bitrix24";
import { getPrisma } from "../db";
import type { TransferDeps } from "./deps";
import type { Enqueue } from "./start";

export function processDeps(): TransferDeps {
  return { prisma: getPrisma(), clients: bitrix24() };
}

export function processJobs(): Enqueue {
  // Imported when used: the job runtime's catalogue lists these very jobs (a module cycle otherwise).
  return { enqueue: async (definition, options) => (await import("../jobs-in-web-process")).jobs().enqueue(definition, options) };
}
