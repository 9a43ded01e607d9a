/**
 * The whole product on one machine: embedded PostgreSQL, the Bitrix24 portal emulator with a
 * seeded portal where StaffSuite is registered (and, if asked, installed exactly as a portal
 * would install it), the Gmail extension built for the app, and the Next.js app wired to that
 * portal. `npm run demo` and the Playwright tests start it; they differ only in options.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { finishInstallAndDeliver, installApp } from "../../emulator/apps/lifecycle";
import { appOpenRequest } from "../../emulator/control/app-open";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import type { PortalLang } from "../../emulator/state/types";
import { generateKeyBase64 } from "../../lib/crypto";
import { startEmbeddedPostgres } from "../../lib/database/embedded-postgres";
import { applyMigrations } from "../../lib/database/migrate";
import { buildExtension } from "../../extension/build";
import { buildIsCurrent, buildNext, root, startNext, type NextServer } from "./next-process";

export const DEMO_CLIENT_ID = "local.staffsuite.demo";
export const PORTAL_KEY = "acme";
/** What StaffSuite asks of a portal (README "Register the app"). */
export const APP_SCOPES = ["user", "user_brief", "user.userfield", "department", "task", "crm", "im", "disk", "sonet_group", "placement", "bizproc"];

export interface StackOptions {
  /** Where the database and secrets live (the demo keeps them across restarts). */
  dataDir: string;
  appPort: number;
  emulatorPort: number;
  /** The demo portal's own port (every emulated portal is the root of its own origin); 0 = a free one. */
  portalPort: number;
  controlApi: boolean;
  lang: PortalLang;
  /** Install the app in the portal at start (the demo), or leave that to the test. */
  install: boolean;
  workerInProcess: boolean;
  mode: "start" | "dev";
  quiet?: boolean;
}

export interface Stack {
  appUrl: string;
  emulator: RunningEmulator;
  databaseUrl: string;
  clientId: string;
  /** The portal page with StaffSuite open in its iframe. */
  portalAppUrl: string;
  /** The demo portal's start page. */
  portalUrl: string;
  stop(): Promise<void>;
}

interface Secrets {
  TOKEN_ENCRYPTION_KEY: string;
  NEXTAUTH_SECRET: string;
  B24_CLIENT_SECRET: string;
}

function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Secrets;
  const secrets: Secrets = {
    TOKEN_ENCRYPTION_KEY: generateKeyBase64(),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    B24_CLIENT_SECRET: randomBytes(24).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Does what the portal page does on an admin's first open: POST to the install URL, then installFinish. */
async function installLikeThePortal(emulator: RunningEmulator, clientId: string, lang: string): Promise<void> {
  const portal = emulator.store.portals.get(PORTAL_KEY)!;
  await installApp(emulator.store, portal, clientId, 1);
  const open = appOpenRequest(emulator.store, portal, clientId, 1, { lang });
  const response = await fetch(open.url, { method: "POST", body: new URLSearchParams(open.form), redirect: "manual" });
  if (response.status !== 303) {
    const reason = /data-testid="auth-error">([^<]*)</.exec(await response.text())?.[1] ?? "";
    throw new Error(`the app refused the install POST (HTTP ${response.status}) ${reason}`);
  }
  const deliveries = await finishInstallAndDeliver(emulator.store, portal, clientId);
  if (!deliveries.some((d) => d.event === "ONAPPINSTALL" && d.status === 200)) throw new Error("the app did not accept ONAPPINSTALL");
}

export async function startStack(options: StackOptions): Promise<Stack> {
  mkdirSync(options.dataDir, { recursive: true });
  const secrets = readOrCreateSecrets(options.dataDir);
  const db = await startEmbeddedPostgres(path.join(options.dataDir, "pg"), { quiet: true });
  const stops: Array<() => Promise<void>> = [() => db.stop()];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };
  try {
    await applyMigrations(db.url);
    const appUrl = `http://localhost:${options.appPort}`;
    const emulator = await startEmulator({
      httpPort: options.emulatorPort,
      httpsPort: null,
      controlApi: options.controlApi,
      portals: [{ key: PORTAL_KEY, plan: "standard", lang: options.lang, protocol: "http", seed: 1, title: "Acme Ltd", port: options.portalPort }],
      apps: [
        {
          clientId: DEMO_CLIENT_ID,
          clientSecret: secrets.B24_CLIENT_SECRET,
          name: "StaffSuite",
          handlerUrl: `${appUrl}/bitrix24/app`,
          installUrl: `${appUrl}/bitrix24/install`,
          scopes: APP_SCOPES,
          code: DEMO_CLIENT_ID,
        },
      ],
    });
    stops.push(() => emulator.close());

    // The Gmail extension built for this app's address: the Mail page offers its zip (a second or so).
    const extensionDir = path.join(options.dataDir, "extension");
    await buildExtension({ appUrl, outDir: extensionDir });

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: options.mode === "dev" ? "development" : "production",
      DATABASE_URL: db.url,
      APP_URL: appUrl,
      B24_CLIENT_ID: DEMO_CLIENT_ID,
      B24_CLIENT_SECRET: secrets.B24_CLIENT_SECRET,
      B24_OAUTH_URL: `${emulator.httpUrl}/`,
      TOKEN_ENCRYPTION_KEY: secrets.TOKEN_ENCRYPTION_KEY,
      NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
      WORKER_IN_PROCESS: options.workerInProcess ? "true" : "false",
      EXTENSION_PACKAGE_DIR: extensionDir,
    };
    if (options.mode === "start" && !buildIsCurrent()) buildNext(childEnv);
    const next: NextServer = await startNext(options.mode, { port: options.appPort, env: childEnv, quiet: options.quiet });
    stops.push(() => next.stop());

    if (options.install) await installLikeThePortal(emulator, DEMO_CLIENT_ID, options.lang);
    const portalUrl = `http://${emulator.store.portals.get(PORTAL_KEY)!.domain}`;
    return {
      appUrl,
      emulator,
      databaseUrl: db.url,
      clientId: DEMO_CLIENT_ID,
      portalAppUrl: `${portalUrl}/marketplace/app/${DEMO_CLIENT_ID}/`,
      portalUrl: `${portalUrl}/`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export { root };
