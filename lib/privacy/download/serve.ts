/**
 * Serving a download: the archive opens only for the user it belongs to, in their own portal's
 * session, with the link's token, before it expires. Every refusal is typed so the route can
 * answer 403 (another user), 410 (gone or expired: "this link has expired") or 404.
 * An expired archive found here is deleted at once, not left for the daily purge.
 */
import { hashToken, safeEqual, type KeyRing } from "../../crypto";
import type { PrismaClient } from "../../db";
import { readArchiveChunks } from "./archive-store";
import { isRecordId } from "../../security";

export type ArchiveAccess =
  | { kind: "ok"; archiveId: string; sizeBytes: number; createdAt: Date; expiresAt: Date; chunks: () => AsyncGenerator<Buffer> }
  | { kind: "expired" }
  | { kind: "forbidden" }
  | { kind: "not_found" };

export async function openArchive(
  deps: { prisma: PrismaClient; keys: KeyRing; now?: () => Date },
  request: { archiveId: string; token: string; session: { portalId: string; userId: number } },
): Promise<ArchiveAccess> {
  // An id from a URL that cannot be ours never reaches the database (lib/security/record-id.ts).
  if (!isRecordId(request.archiveId)) return { kind: "not_found" };
  const archive = await deps.prisma.privacyArchive.findUnique({ where: { id: request.archiveId } });
  // Deleted (expired and purged, saved to Drive, or the portal's data deleted): the link is dead.
  if (!archive || archive.tokenHash.startsWith("spool:")) return { kind: "expired" };
  if (archive.portalId !== request.session.portalId || archive.userId !== request.session.userId) return { kind: "forbidden" };
  if (!safeEqual(archive.tokenHash, hashToken(request.token))) return { kind: "forbidden" };
  if (!archive.completedAt) return { kind: "not_found" };
  const now = deps.now?.() ?? new Date();
  if (archive.expiresAt <= now) {
    await deps.prisma.privacyArchive.deleteMany({ where: { id: archive.id } });
    return { kind: "expired" };
  }
  return {
    kind: "ok",
    archiveId: archive.id,
    sizeBytes: archive.sizeBytes,
    createdAt: archive.createdAt,
    expiresAt: archive.expiresAt,
    chunks: () => readArchiveChunks(deps.prisma, deps.keys, archive.id),
  };
}
