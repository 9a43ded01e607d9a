/** What the Privacy jobs and functions need; the app builds it once, tests pass their own. */
import type { ClientFactory } from "../bitrix24";
import type { KeyRing } from "../crypto";
import type { PrismaClient } from "../db";

export interface PrivacyDeps {
  prisma: PrismaClient;
  /** Seals archive chunks (the token key ring: one key to rotate for every secret at rest). */
  keys: KeyRing;
  clients: ClientFactory;
  /** Our app's client_id: the portal opens the app at /marketplace/app/{clientId}/. */
  appClientId: string;
  now?: () => Date;
}
