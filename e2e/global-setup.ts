/**
 * One StaffSuite stack for the Playwright run: a throwaway embedded PostgreSQL, the portal
 * emulator with its control API, and the production build of the app on free ports. The app is
 * registered in the emulator but not installed: tests install it through the portal page, as an
 * administrator would. Tests read the addresses from the environment.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { freePort } from "../lib/database/embedded-postgres";
import { copyMigratedCluster } from "../lib/database/migrated-cluster";
import { root, startStack } from "../scripts/launch/stack";

export default async function globalSetup() {
  const dataDir = path.join(root, ".data", `e2e-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  // A copy of the checkout's migrated cluster: the stack then skips initdb and the migrations.
  await copyMigratedCluster(path.join(dataDir, "pg"));
  const stack = await startStack({
    dataDir,
    appPort: await freePort(),
    emulatorPort: await freePort(),
    portalPort: 0,
    controlApi: true,
    lang: "en",
    install: false,
    workerInProcess: true,
    mode: "start",
    quiet: true,
  });
  process.env.E2E_APP_URL = stack.appUrl;
  process.env.E2E_EMULATOR_URL = stack.emulator.httpUrl;
  process.env.E2E_CLIENT_ID = stack.clientId;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
