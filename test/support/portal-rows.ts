/**
 * Finds every row that refers to a portal, in every table that has a portalId column (found in
 * information_schema, so a table added later is covered without touching the tests).
 */
import type { PrismaClient } from "../../lib/db";

export async function rowsReferringTo(prisma: PrismaClient, portalId: string): Promise<Record<string, number>> {
  // information_schema names are of type `name`, which the pg adapter cannot read: cast to text.
  const tables = await prisma.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name::text AS table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'portalId'`;
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${table_name}" WHERE "portalId" = $1`, portalId);
    counts[table_name] = Number(rows[0].n);
  }
  const portals = await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "Portal" WHERE id = ${portalId}`;
  counts.Portal = Number(portals[0].n);
  return counts;
}
