/**
 * The portal registry: one row per member_id, created at install and updated (never duplicated)
 * on re-install or reconnect.
 */
import type { LifecycleDeps } from "./deps";
import type { VerifiedPortalUser } from "./verify-portal-auth";

export interface InstallerDetails {
  name: string | null;
  email: string | null;
  position: string | null;
}

export async function upsertPortal(deps: LifecycleDeps, verified: VerifiedPortalUser, extras: { lang?: string } = {}): Promise<string> {
  const facts = {
    domain: verified.domain,
    protocol: verified.protocol,
    clientEndpoint: verified.clientEndpoint,
    serverEndpoint: verified.serverEndpoint,
    licenseStatus: verified.licenseStatus,
    // A verified admin sign-in or install brings the portal back from "disconnected" (an
    // employee's does not: the reason shown to admins says an administrator must open the app).
    ...(verified.isAdmin ? { status: "active" as const, disconnectedAt: null, disconnectedReason: null } : {}),
    ...(extras.lang ? { lang: extras.lang } : {}),
  };
  const portal = await deps.prisma.portal.upsert({
    where: { memberId: verified.memberId },
    create: { memberId: verified.memberId, ...facts },
    update: facts,
    select: { id: true },
  });
  await deps.tokens.saveTokens(portal.id, verified.userId, { ...verified.tokens, isAdmin: verified.isAdmin });
  return portal.id;
}

/** The installer's name, email and job title: kept (docs/architecture.md "What we keep") to show admins who installed. */
export async function recordInstaller(deps: LifecycleDeps, portalId: string, userId: number, details: InstallerDetails): Promise<void> {
  await deps.prisma.portal.update({
    where: { id: portalId },
    data: {
      installedByUserId: userId,
      installerName: details.name,
      installerEmail: details.email,
      installerPosition: details.position,
      installedAt: new Date(),
    },
  });
}

/** Whether the portal still accepts our tokens (what the layout's banner shows admins). */
export async function readPortalConnection(
  deps: Pick<LifecycleDeps, "prisma">,
  portalId: string,
): Promise<{ connected: boolean; reason: string | null } | null> {
  const portal = await deps.prisma.portal.findUnique({ where: { id: portalId }, select: { status: true, disconnectedReason: true } });
  if (!portal) return null;
  return { connected: portal.status === "active", reason: portal.disconnectedReason };
}
