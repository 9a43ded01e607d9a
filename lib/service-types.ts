/**
 * What the composition root (lib/services.ts) hands out, as types only, and who is asking. A
 * feature's way in is `verbNoun(services, session, input)`: it declares the services it uses as a
 * `Pick<Services, …>` from here, app/ passes `services()`, integration tests pass
 * `createServices(…)` on their own database and the emulator. Features import this file, never
 * lib/services.ts (lint refuses it): nothing inside lib/ asks the composition root for services.
 */
import type { AdminRights } from "./admin-rights";
import type { ClientFactory, FetchLike, OAuthClientCredentials, TokenStore } from "./bitrix24";
import type { KeyRing } from "./crypto";
import type { PrismaClient } from "./db";
import type { JobsRuntime } from "./jobs";
import type { PortalSession } from "./session-cookie";

export interface Services {
  databaseUrl: string;
  prisma: PrismaClient;
  /** Seals and opens tokens at rest (TOKEN_ENCRYPTION_KEY, TOKEN_ENCRYPTION_KEYS_OLD). */
  keys: KeyRing;
  /** The app's registration in Bitrix24 (B24_CLIENT_ID, B24_CLIENT_SECRET). */
  credentials: OAuthClientCredentials;
  /** Our app's client_id (of credentials): the portal opens the app at /marketplace/app/{clientId}/. */
  appClientId: string;
  /** REST base of the OAuth server we trust, ending in /rest/. */
  oauthServerEndpoint: string;
  /** Public base URL of the app, without a trailing slash (event handler addresses hang off it). */
  appUrl: string;
  /** The server secret (NEXTAUTH_SECRET): signs states and keys hashes that must not be guessable. */
  secret: string;
  tokens: TokenStore;
  /** `clients.clientFor(portalId, { userId })`, `clients.adminClientFor(portalId)`. */
  clients: ClientFactory;
  /** Is a signed-in administrator still one? Asked of the portal (one cache per process). */
  adminRights: AdminRights;
  /** Enqueue (`jobs.enqueue(definition, …)`), work, and reach pg-boss (`jobs.boss()`). */
  jobs: JobsRuntime;
  /** Every Bitrix24 and OAuth call goes through this (tests: undefined = global fetch). */
  fetch?: FetchLike;
}

/** Who is asking: the signed-in portal user (a PortalSession fits), in their language. */
export type Session = Pick<PortalSession, "portalId" | "userId" | "isAdmin" | "lang">;
