/**
 * Connecting the extension: the authorization-code flow of Bitrix24 OAuth
 * (b24restdocs settings/oauth/index.md) through the app.
 *
 * 1. The extension opens `/api/extension/connect?portal=…&challenge=…`. We find the portal (it
 *    must have installed StaffSuite) and redirect to `{portal}/oauth/authorize/` with our
 *    client_id, our redirect_uri and a `state` we sign (HMAC-SHA256, 10 minutes), which carries
 *    the portal and the extension's challenge — so the callback needs no server-side storage and
 *    a forged or replayed-elsewhere callback is refused.
 * 2. The portal redirects back with `code`; we exchange it at the OAuth server the portal
 *    registered with (lib/bitrix24 exchangeCode: its server_endpoint → /oauth/token/,
 *    grant_type=authorization_code), check that the tokens belong to the same portal (member_id),
 *    read whose they are (lib/bitrix24 readTokenOwner, the check the lifecycle makes of a portal's
 *    POST: the user and whether they are an admin), store the pair encrypted and create a pending
 *    extension session.
 */
import { createHmac } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "../crypto";
import { portalAddressCandidates, portalBaseUrl, portalUrl } from "../portal-address";
import { accessTokenExpiry, Bitrix24Error, exchangeCode, PortalDisconnectedError, readTokenOwner, TokenOwnerMismatchError } from "../bitrix24";
import { nowOf, type MailDeps } from "./deps";
import { MailUnauthorizedError, PortalNotFoundError } from "./errors";
import { createPendingSession } from "./sessions";

const STATE_TTL_MS = 10 * 60 * 1000;

export const CALLBACK_PATH = "/api/extension/connect/callback";

interface StatePayload {
  p: string; // portal id
  c: string; // challenge
  l: string; // label
  e: number; // expiry, ms
}

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`extension-connect:${body}`).digest("base64url");
}

export function encodeState(deps: Pick<MailDeps, "secret">, payload: StatePayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(deps.secret, body)}`;
}

export function decodeState(deps: Pick<MailDeps, "secret" | "now">, state: string): StatePayload {
  const [body, mac] = state.split(".");
  if (!body || !mac || !safeEqual(mac, sign(deps.secret, body)))
    throw new MailUnauthorizedError("This sign-in did not start here: connect again from the extension");
  const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as StatePayload;
  if (!(payload.e > nowOf(deps))) throw new MailUnauthorizedError("This sign-in took too long: connect again from the extension");
  return payload;
}

export const connectStartSchema = z.object({
  portal: z.string().trim().min(3, "the portal address").max(200),
  challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "a base64url SHA-256 challenge"),
  label: z.string().trim().max(80).default("Chrome"),
});

/** Step 1: the portal's authorize URL for this connect attempt. */
export async function startConnect(deps: MailDeps, input: z.infer<typeof connectStartSchema>): Promise<string> {
  const candidates = portalAddressCandidates(input.portal);
  const portal = await deps.prisma.portal.findFirst({
    where: { domain: { in: candidates } },
    select: { id: true, domain: true, protocol: true, status: true },
  });
  if (!portal) throw new PortalNotFoundError();
  if (portal.status !== "active") throw new PortalDisconnectedError(portal.id, "disconnected");
  const state = encodeState(deps, { p: portal.id, c: input.challenge, l: input.label, e: nowOf(deps) + STATE_TTL_MS });
  const url = new URL(portalUrl(portalBaseUrl(portal), "oauth/authorize/"));
  url.searchParams.set("client_id", deps.credentials.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", `${deps.appUrl}${CALLBACK_PATH}`);
  url.searchParams.set("state", state);
  return url.toString();
}

export const connectCallbackSchema = z.object({
  code: z.string().min(1).max(500),
  state: z.string().min(10).max(2000),
  member_id: z.string().max(100).optional(),
});

/** Step 2: exchanges the code, stores the user's tokens, returns the one-time claim code. */
export async function finishConnect(deps: MailDeps, input: z.infer<typeof connectCallbackSchema>): Promise<{ claimCode: string; lang: string }> {
  const state = decodeState(deps, input.state);
  const portal = await deps.prisma.portal.findUnique({ where: { id: state.p }, select: { id: true, memberId: true, serverEndpoint: true, lang: true } });
  if (!portal) throw new PortalNotFoundError();
  if (input.member_id && input.member_id !== portal.memberId) throw new MailUnauthorizedError("The answer came from another Bitrix24");

  let tokens;
  try {
    tokens = await exchangeCode({ serverEndpoint: portal.serverEndpoint, credentials: deps.credentials, code: input.code, fetch: deps.fetch });
  } catch (error) {
    // The OAuth server's own refusal (b24restdocs settings/oauth/error-codes.md: invalid_grant = a
    // used, wrong or expired code) asks for a new sign-in; no answer, or one that is not an OAuth
    // answer, is the platform's failure (502), not the user's.
    if (error instanceof Bitrix24Error && ["NETWORK_ERROR", "TLS_ERROR", "BAD_RESPONSE"].includes(error.code)) throw error;
    throw new MailUnauthorizedError("Bitrix24 refused the sign-in (the code expired or was used): connect again");
  }
  if (tokens.member_id !== portal.memberId || !tokens.client_endpoint) throw new MailUnauthorizedError("The sign-in belongs to another Bitrix24");

  let profile;
  try {
    profile = await readTokenOwner({ restBase: tokens.client_endpoint, accessToken: tokens.access_token, tokenUserId: tokens.user_id, fetch: deps.fetch });
  } catch (error) {
    if (error instanceof TokenOwnerMismatchError) throw new MailUnauthorizedError("The tokens belong to different users");
    throw error;
  }

  const expiresAt = accessTokenExpiry(tokens, nowOf(deps));
  await deps.tokens.saveTokens(portal.id, profile.userId, {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt,
    scope: tokens.scope ?? "",
    isAdmin: profile.isAdmin,
  });
  const claimCode = await createPendingSession(deps, { portalId: portal.id, userId: profile.userId, challenge: state.c, label: state.l });
  return { claimCode, lang: portal.lang };
}
