/**
 * Every column of every table (all schemas but PostgreSQL's own: ours and pg-boss's) that holds
 * one of `needles` in clear: text, JSON and array columns as text, bytea as raw bytes. Used to
 * prove that tokens, names and personal field values are stored nowhere in clear.
 */
import type { PrismaClient } from "../../lib/db";

export async function columnsContaining(prisma: PrismaClient, needles: string[]): Promise<string[]> {
  const columns = await prisma.$queryRaw<Array<{ s: string; t: string; c: string; type: string }>>`
    SELECT c.table_schema::text AS s, c.table_name::text AS t, c.column_name::text AS c, c.data_type::text AS type
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')`;
  const hits: string[] = [];
  for (const { s, t, c, type } of columns) {
    const cell = type === "bytea" ? `"${c}"` : `"${c}"::text`;
    const needle = type === "bytea" ? "convert_to(x, 'UTF8')" : "x";
    const rows = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(
      `SELECT count(*) AS n FROM "${s}"."${t}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS x WHERE position(${needle} IN ${cell}) > 0)`,
      needles,
    );
    if (Number(rows[0].n) > 0) hits.push(`${s}.${t}.${c}`);
  }
  return hits;
}
