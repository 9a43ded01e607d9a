/**
 * What the lifecycle needs from the outside world, in one object. The app passes its services
 * (lib/services.ts satisfies this interface); integration tests pass services built on a test
 * database and the emulator (lib/services.ts createServices).
 */
import type { PrismaClient } from "../db";
import type { KeyRing } from "../crypto";
import type { ClientFactory, FetchLike, OAuthClientCredentials, TokenStore } from "../bitrix24";

export interface LifecycleDeps {
  prisma: PrismaClient;
  keys: KeyRing;
  credentials: OAuthClientCredentials;
  /** REST base of the OAuth server we trust, ending in /rest/. */
  oauthServerEndpoint: string;
  /** Public base URL of the app (event handler addresses hang off it). */
  appUrl: string;
  tokens: TokenStore;
  clients: ClientFactory;
  fetch?: FetchLike;
}
