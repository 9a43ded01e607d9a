/**
 * The process's services for the Transfer jobs (the worker and the web process), taken from the
 * composition root (lib/services.ts). Read when a job runs, never at import: the root's job
 * catalogue lists these very jobs.
 */
import { services } from "../services";
import type { TransferDeps } from "./deps";
import type { Enqueue } from "./start";

export function processDeps(): TransferDeps {
  const { prisma, clients, credentials } = services();
  return { prisma, clients, appClientId: credentials.clientId };
}

export function processJobs(): Enqueue {
  return { enqueue: (definition, options) => services().jobs.enqueue(definition, options) };
}
