import "server-only";
import { services } from "@/lib/services";

/** The portal's web address (protocol, host and any path), for links into it. */
export async function portalBase(portalId: string): Promise<string> {
  const portal = await services().prisma.portal.findUnique({ where: { id: portalId }, select: { protocol: true, domain: true } });
  return portal ? `${portal.protocol}://${portal.domain}` : "";
}
