/**
 * What the Mail backend needs from the outside world, in one object so integration tests can
 * point it at a test database and the emulator. The app builds it from the process's services
 * (app/api/extension/_lib/deps.ts).
 */
import type { PrismaClient } from "../generated/prisma/client";
import type { ClientFactory, OAuthClientCredentials, TokenStore } from "../bitrix24";
import type { FetchLike } from "../bitrix24";

export interface MailDeps {
  prisma: PrismaClient;
  clients: ClientFactory;
  tokens: TokenStore;
  credentials: OAuthClientCredentials;
  /** Public base URL of the app, no trailing slash: the OAuth redirect_uri hangs off it. */
  appUrl: string;
  /** Server secret (NEXTAUTH_SECRET): signs the connect state, keys the message-id hash. */
  secret: string;
  fetch?: FetchLike;
  now?: () => number;
}

export const nowOf = (deps: Pick<MailDeps, "now">) => (deps.now ?? Date.now)();
