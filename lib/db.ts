/**
 * The Prisma client: JS query compiler + the pg driver adapter (no native engine to download).
 * One client per process per URL; DATABASE_URL is set by the launcher (scripts/run-app.ts), which
 * starts the embedded PostgreSQL when none is configured.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type { PrismaClient } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";

const clients = new Map<string, PrismaClient>();

/** A client for `url` (default: DATABASE_URL), created once per process. */
export function getPrisma(url?: string): PrismaClient {
  const target = url ?? env().DATABASE_URL;
  if (!target) throw new Error("DATABASE_URL is not set: start the app through `npm run dev`, `npm start` or `npm run demo`, which provide the database");
  let client = clients.get(target);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target, max: 10 }) });
    clients.set(target, client);
  }
  return client;
}

/** Closes every client this process opened (shutdown, end of a test file). */
export async function disconnectAll(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.$disconnect()));
}
