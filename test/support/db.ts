/**
 * A fresh, migrated database for one test file: a clone of the run's template (see
 * test/global-setup.ts), dropped when the file is done.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { siblingDatabaseUrl } from "../../lib/database/embedded-postgres";
import { getPrisma, type PrismaClient } from "../../lib/db";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

async function withAdmin<T>(templateUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: siblingDatabaseUrl(templateUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = inject("templateDatabaseUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const templateName = new URL(templateUrl).pathname.slice(1);
  await withAdmin(templateUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
  const url = siblingDatabaseUrl(templateUrl, name);
  const prisma = getPrisma(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await withAdmin(templateUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The server's base URL (another database on it), for tests that start a second app process. */
export function serverUrlFor(database: string): string {
  return siblingDatabaseUrl(inject("templateDatabaseUrl"), database);
}
