/**
 * The services the Transfer tool takes: a part of the composition root's. app/ passes
 * `services()`, a job handler its context (lib/jobs), integration tests their own.
 */
import type { ClientFactory } from "../bitrix24";
import type { Enqueue } from "../jobs";
import type { Services } from "../service-types";

export type TransferDeps = Pick<Services, "prisma"> & {
  clients: Pick<ClientFactory, "clientFor">;
  /** Our app's client_id, for links that open the app inside the portal (/marketplace/app/{clientId}/…). */
  appClientId?: string;
  /** Waits (default: a timer); tests may shorten waits for limits. */
  sleep?: (ms: number) => Promise<void>;
};

/** What starting a transfer, an undo or a return takes: the above and the job queue. */
export type TransferServices = TransferDeps & { jobs: { enqueue: Enqueue } };

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
