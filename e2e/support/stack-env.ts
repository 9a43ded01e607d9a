/**
 * What e2e/global-setup.ts started, and small helpers over the emulator's control API.
 */
import pg from "pg";

export const appUrl = () => required("E2E_APP_URL");
export const emulatorUrl = () => required("E2E_EMULATOR_URL");
export const clientId = () => required("E2E_CLIENT_ID");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through playwright.config.ts (global setup)`);
  return value;
}

export async function control<T = unknown>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/_emulator${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

let portalSeq = 0;

/** A fresh emulated portal (its own member_id) with StaffSuite installed by user 1, not finished. */
export async function newPortalWithApp(lang: "en" | "ru" | "de"): Promise<{ key: string; memberId: string; pageUrl: string }> {
  const key = `e2e-${process.pid}-${++portalSeq}`;
  const portal = await control<{ memberId: string }>("POST", "/portals", { key, lang, protocol: "http", seed: 3 });
  await control("POST", `/portals/${key}/install`, { clientId: clientId(), userId: 1 });
  return { key, memberId: portal.memberId, pageUrl: `${emulatorUrl()}/p/${key}/marketplace/app/${clientId()}/` };
}

/** Runs a query on the app's database (to assert what the app stored). */
export async function queryAppDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: required("E2E_DATABASE_URL") });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
