/**
 * The services Privacy's functions and jobs take: a part of the composition root's. app/ passes
 * `services()`, a job handler its context (lib/jobs), integration tests their own.
 */
import type { Enqueue } from "../jobs";
import type { Services } from "../service-types";

export type PrivacyDeps = Pick<Services, "prisma" | "keys" | "clients" | "appClientId"> & {
  /** The clock (default: the system's); tests move it. */
  now?: () => Date;
};

/** What starting a request takes: the database, the portal (to ask who the subjects are), and the job queue to enqueue on. */
export type PrivacyServices = Pick<Services, "prisma" | "clients"> & { jobs: { enqueue: Enqueue }; now?: () => Date };
