/**
 * Per-user rights (UserRight rows): an admin grants a user the right to anonymise or to erase
 * their own data. A right counts only while its master switch is on (requests/permissions.ts).
 */
import type { PrismaClient } from "../db";

export const RIGHTS = { anonymise: "privacy.anonymise", erase: "privacy.erase" } as const;
export type RightName = keyof typeof RIGHTS;

export interface UserRights {
  anonymise: boolean;
  erase: boolean;
}

/** Rights of the given users (absent rows mean not granted). */
export async function readRights(prisma: PrismaClient, portalId: string, userIds: readonly number[]): Promise<Map<number, UserRights>> {
  const rows = await prisma.userRight.findMany({
    where: { portalId, userId: { in: [...userIds] }, right: { in: Object.values(RIGHTS) }, granted: true },
    select: { userId: true, right: true },
  });
  const out = new Map<number, UserRights>(userIds.map((id) => [id, { anonymise: false, erase: false }]));
  for (const r of rows) {
    const entry = out.get(r.userId);
    if (!entry) continue;
    if (r.right === RIGHTS.anonymise) entry.anonymise = true;
    if (r.right === RIGHTS.erase) entry.erase = true;
  }
  return out;
}

/** An administrator grants or revokes one right for many users at once (bulk grant/revoke). */
export async function setUserRights(
  services: { prisma: PrismaClient },
  session: { portalId: string; userId: number },
  input: { userIds: readonly number[]; right: RightName; granted: boolean },
): Promise<{ ok: true }> {
  const { prisma } = services;
  const { portalId, userId: updatedBy } = session;
  const { userIds, right, granted } = input;
  const key = RIGHTS[right];
  if (!granted) {
    // Revoked = no row: the table then holds only who may do something.
    await prisma.userRight.deleteMany({ where: { portalId, userId: { in: [...userIds] }, right: key } });
    return { ok: true };
  }
  await prisma.$transaction(
    userIds.map((userId) =>
      prisma.userRight.upsert({
        where: { portalId_userId_right: { portalId, userId, right: key } },
        create: { portalId, userId, right: key, granted: true, updatedBy },
        update: { granted: true, updatedBy },
      }),
    ),
  );
  return { ok: true };
}

/** After an anonymisation or erasure the person's rights rows go (the issue: "rights rows removed afterwards"). */
export async function removeRightsOf(prisma: PrismaClient, portalId: string, userId: number): Promise<void> {
  await prisma.userRight.deleteMany({ where: { portalId, userId } });
}

/** Users who hold at least one right (for the User settings list's counters). */
export async function countGranted(prisma: PrismaClient, portalId: string): Promise<{ anonymise: number; erase: number }> {
  const [anonymise, erase] = await Promise.all([
    prisma.userRight.count({ where: { portalId, right: RIGHTS.anonymise, granted: true } }),
    prisma.userRight.count({ where: { portalId, right: RIGHTS.erase, granted: true } }),
  ]);
  return { anonymise, erase };
}
