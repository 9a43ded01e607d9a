/**
 * A call the portal makes to the app on its own, with no browser behind it (a CRM robot's call:
 * b24restdocs api-reference/bizproc/bizproc-robot/bizproc-robot-add.md, HANDLER). It is trusted
 * only when both hold:
 * 1. its application_token is the one ONAPPINSTALL gave us for that member_id (as every event's
 *    is: events.ts), compared in constant time;
 * 2. the access token it carries works on the portal we stored (its REST base from the OAuth
 *    server, never the posted DOMAIN) and belongs to the user it names (`profile`).
 * The posted DOMAIN must name the stored portal too. Anything else is refused (401) before any
 * work is queued.
 */
import { readTokenOwner } from "../bitrix24";
import { decryptSecret, safeEqual } from "../crypto";
import { samePortalDomain } from "../portal-address";
import type { LifecycleDeps } from "./deps";
import { EventAuthError } from "./events";

export interface AppCallAuth {
  memberId: string;
  applicationToken: string;
  accessToken: string;
  userId: number;
  domain: string;
}

/** The portal and user a verified call comes from. */
export interface VerifiedAppCall {
  portalId: string;
  userId: number;
  lang: string;
}

export async function verifyAppCall(deps: Pick<LifecycleDeps, "prisma" | "keys" | "fetch">, auth: AppCallAuth): Promise<VerifiedAppCall> {
  const portal = await deps.prisma.portal.findUnique({
    where: { memberId: auth.memberId },
    select: { id: true, applicationTokenEnc: true, domain: true, clientEndpoint: true, status: true, lang: true },
  });
  if (!portal?.applicationTokenEnc || portal.status !== "active") throw new EventAuthError("unknown portal");
  if (!safeEqual(decryptSecret(portal.applicationTokenEnc, deps.keys), auth.applicationToken)) throw new EventAuthError("application_token does not match");
  if (!samePortalDomain(portal.domain, auth.domain)) throw new EventAuthError("DOMAIN does not match the portal");
  const owner = await readTokenOwner({ restBase: portal.clientEndpoint, accessToken: auth.accessToken, tokenUserId: auth.userId, fetch: deps.fetch }).catch(
    () => {
      throw new EventAuthError("the portal did not confirm the access token");
    },
  );
  return { portalId: portal.id, userId: owner.userId, lang: portal.lang };
}
