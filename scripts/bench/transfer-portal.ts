/**
 * One portal of `npm run bench:transfer` (scripts/bench-transfer.ts): a fresh emulated portal on the
 * standard plan whose heavy user holds `records` mixed records, the bench app installed in it, and
 * its row and admin tokens in our database, as an install leaves them.
 */
import type { ControlCall } from "../../emulator/control/client";
import type { TokenStore } from "../../lib/bitrix24";
import type { PrismaClient } from "../../lib/db";

export const CLIENT_ID = "local.bench-transfer";
export const CLIENT_SECRET = "bench-transfer-secret";
export const ADMIN_ID = 1;
/** The heavy user's planned items per seeded record with the bench's selections (tasks count twice: responsible and creator). */
const ITEMS_PER_SEEDED_RECORD = 0.97;

interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires: number;
  scope: string;
  client_endpoint: string;
  server_endpoint: string;
  member_id: string;
}

export interface Portal {
  key: string;
  id: string;
  fromUserId: number;
  receiverIds: number[];
}

export async function preparePortal(control: ControlCall, prisma: PrismaClient, tokens: TokenStore, key: string, records: number): Promise<Portal> {
  await control("POST", "portals", {
    key,
    plan: "standard",
    seed: { seed: 7, users: 60, recordsPerHeavyUser: Math.ceil(records / ITEMS_PER_SEEDED_RECORD) },
  });
  await control("POST", `portals/${key}/install`, { clientId: CLIENT_ID, userId: ADMIN_ID });
  const first = await control<TokenAnswer>("POST", `portals/${key}/tokens`, { clientId: CLIENT_ID, userId: ADMIN_ID });
  const summary = await control<{ domain: string; protocol: string; heavyUserIds: number[] }>("GET", `portals/${key}`);
  const row = await prisma.portal.create({
    data: {
      memberId: first.member_id,
      domain: summary.domain,
      protocol: summary.protocol,
      clientEndpoint: first.client_endpoint,
      serverEndpoint: first.server_endpoint,
      installedByUserId: ADMIN_ID,
    },
  });
  await tokens.saveTokens(row.id, ADMIN_ID, {
    accessToken: first.access_token,
    refreshToken: first.refresh_token,
    expiresAt: new Date(first.expires * 1000),
    scope: first.scope,
    isAdmin: true,
  });
  const users = await control<Array<{ id: number; active: boolean }>>("GET", `portals/${key}/users`);
  const receiverIds = users
    .filter((u) => u.active && !summary.heavyUserIds.includes(u.id))
    .slice(0, 2)
    .map((u) => u.id);
  // The active heavy user who is not the admin (the crash test's choice too).
  return { key, id: row.id, fromUserId: summary.heavyUserIds[1], receiverIds };
}
