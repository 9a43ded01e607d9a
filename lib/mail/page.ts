/**
 * What the Mail page shows (app/(portal)/mail/page.tsx), read in one go: the user's connected
 * browsers, the ones that ended lately and why (so the page says what happened, not only what is
 * left), and for administrators every live session of the portal by person, dismissed people
 * first. Names and who is dismissed are asked of the portal as the signed-in administrator
 * (user.get by ID, lib/people), never stored; when the portal cannot answer, the page says so and
 * shows user IDs.
 */
import { displayName, isActive } from "../people";
import type { Session } from "../service-types";
import { nowOf, type MailDeps } from "./deps";
import type { RevokeReason } from "./errors";

/** Ended sessions are shown this long (the retention purge deletes their rows after 30 days). */
const ENDED_SHOWN_MS = 30 * 24 * 3600_000;

export interface BrowserSession {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
}

export interface EndedSession {
  id: string;
  label: string;
  endedAt: Date;
  how: RevokeReason | "expired";
}

export interface PersonSessions {
  userId: number;
  /** null: the portal could not be asked. */
  name: string | null;
  /** null: the portal could not be asked, or does not know the user. */
  dismissed: boolean | null;
  sessions: BrowserSession[];
}

export interface MailPageView {
  mine: BrowserSession[];
  ended: EndedSession[];
  /** Administrators only. */
  portal: { people: PersonSessions[]; namesRead: boolean } | null;
}

const SELECT = { id: true, userId: true, label: true, createdAt: true, lastUsedAt: true, expiresAt: true } as const;

export async function readMailPage(deps: Pick<MailDeps, "prisma" | "clients" | "now">, session: Session): Promise<MailPageView> {
  const now = new Date(nowOf(deps));
  const since = new Date(now.getTime() - ENDED_SHOWN_MS);
  const live = { revokedAt: null, claimedAt: { not: null }, expiresAt: { gt: now } };
  const [mine, endedRows, all] = await Promise.all([
    deps.prisma.extensionSession.findMany({
      where: { portalId: session.portalId, userId: session.userId, ...live },
      orderBy: { createdAt: "desc" },
      select: SELECT,
    }),
    deps.prisma.extensionSession.findMany({
      where: {
        portalId: session.portalId,
        userId: session.userId,
        claimedAt: { not: null },
        OR: [{ revokedAt: { gt: since } }, { revokedAt: null, expiresAt: { gt: since, lte: now } }],
      },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, label: true, revokedAt: true, revokedReason: true, expiresAt: true },
    }),
    session.isAdmin
      ? deps.prisma.extensionSession.findMany({ where: { portalId: session.portalId, ...live }, orderBy: { createdAt: "desc" }, take: 2000, select: SELECT })
      : Promise.resolve(null),
  ]);
  const ended: EndedSession[] = endedRows.map((r) => ({
    id: r.id,
    label: r.label,
    endedAt: r.revokedAt ?? r.expiresAt,
    how: r.revokedAt ? ((r.revokedReason as RevokeReason | null) ?? "revoked") : "expired",
  }));
  return { mine, ended, portal: all ? await byPerson(deps, session, all) : null };
}

async function byPerson(
  deps: Pick<MailDeps, "clients">,
  session: Session,
  rows: Array<BrowserSession & { userId: number }>,
): Promise<NonNullable<MailPageView["portal"]>> {
  const ids = [...new Set(rows.map((r) => r.userId))];
  const known = new Map<number, { name: string; active: boolean }>();
  let namesRead = true;
  try {
    const client = await deps.clients.clientFor(session.portalId, { userId: session.userId });
    for (let i = 0; i < ids.length; i += 50) {
      // Without an ACTIVE filter user.get answers dismissed accounts too (user-get.md).
      const { result } = await client.call<Array<Record<string, unknown>>>("user.get", { FILTER: { ID: ids.slice(i, i + 50) } });
      for (const u of Array.isArray(result) ? result : []) known.set(Number(u.ID), { name: displayName(u), active: isActive(u) });
    }
  } catch {
    namesRead = false;
  }
  const people = ids.map((userId) => {
    const u = known.get(userId);
    return {
      userId,
      name: namesRead ? (u?.name ?? "") : null,
      dismissed: u ? !u.active : null,
      sessions: rows
        .filter((r) => r.userId === userId)
        .map((r) => ({ id: r.id, label: r.label, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt, expiresAt: r.expiresAt })),
    };
  });
  // Dismissed people first: their sessions are the ones to end.
  people.sort((a, b) => Number(b.dismissed === true) - Number(a.dismissed === true) || (a.name ?? "").localeCompare(b.name ?? "") || a.userId - b.userId);
  return { people, namesRead };
}
