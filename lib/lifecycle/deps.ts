/**
 * What the lifecycle needs from the outside world, in one object so integration tests can point
 * it at a test database and the emulator; `lifecycleDepsFromEnv()` is the app's configuration.
 */
import { getPrisma, type PrismaClient } from "../db";
import { env, requireSetting } from "../env";
import { createKeyRing, type KeyRing } from "../crypto";
import { bitrix24, createClientFactory, tokenStore, TokenStore, type ClientFactory, type OAuthClientCredentials } from "../bitrix24";
import type { FetchLike } from "../bitrix24/http";

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

export function buildLifecycleDeps(base: Omit<LifecycleDeps, "tokens" | "clients">): LifecycleDeps {
  const tokens = new TokenStore({ prisma: base.prisma, keys: base.keys, credentials: base.credentials, fetch: base.fetch });
  return { ...base, tokens, clients: createClientFactory({ prisma: base.prisma, tokens, fetch: base.fetch }) };
}

let fromEnv: LifecycleDeps | undefined;

export function lifecycleDepsFromEnv(): LifecycleDeps {
  if (!fromEnv) {
    const config = env();
    const oauth = config.B24_OAUTH_URL.endsWith("/") ? config.B24_OAUTH_URL : `${config.B24_OAUTH_URL}/`;
    // The process's one token store and client factory (lib/bitrix24's front door), so every
    // caller shares its cache and in-flight refreshes.
    fromEnv = {
      prisma: getPrisma(),
      keys: createKeyRing(requireSetting("TOKEN_ENCRYPTION_KEY"), config.TOKEN_ENCRYPTION_KEYS_OLD),
      credentials: { clientId: requireSetting("B24_CLIENT_ID"), clientSecret: requireSetting("B24_CLIENT_SECRET") },
      oauthServerEndpoint: `${oauth}rest/`,
      appUrl: config.APP_URL.replace(/\/+$/, ""),
      tokens: tokenStore(),
      clients: bitrix24(),
    };
  }
  return fromEnv;
}
