/**
 * What the Transfer tool needs from the process: the database and a Bitrix24 client factory.
 * Pages, actions and jobs pass the process's services; integration tests pass their own.
 */
import type { PrismaClient } from "../db";
import type { ClientFactory } from "../bitrix24";

export interface TransferDeps {
  prisma: PrismaClient;
  clients: Pick<ClientFactory, "clientFor">;
  /** Our app's client_id, for links that open the app inside the portal (/marketplace/app/{clientId}/…). */
  appClientId?: string;
  /** Waits (default: a timer); tests may shorten waits for limits. */
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
