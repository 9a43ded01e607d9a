/**
 * `npm run demo` (and `npm run dev`, the same with hot reload): the embedded database, the Bitrix24 portal emulator with a seeded portal where
 * StaffSuite is installed, and the app with an in-process job worker. Data survives restarts
 * (in .data/). Open the printed portal address; the user switcher at the top right lets you be
 * any employee of the emulated portal.
 */
import path from "node:path";
import { z } from "zod";
import { PostgresUserCannotEnterError } from "../lib/database/postgres-user-access";
import { root, startStack } from "./launch/stack";

const options = z
  .object({
    DEMO_APP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DEMO_EMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    // The demo portal's own origin: fixed, so its address (and DOMAIN, stored by the app) stays the same across restarts.
    DEMO_PORTAL_PORT: z.coerce.number().int().min(1).max(65535).default(4001),
    DEMO_LANG: z.enum(["en", "ru", "de"]).default("en"),
  })
  .safeParse(process.env);
if (!options.success) {
  console.error(`Invalid demo setting: ${options.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}

const dev = process.argv.includes("--dev");
console.log(
  dev
    ? "Starting StaffSuite in development mode with the portal emulator…"
    : "Starting the StaffSuite demo (first start builds the app; this takes a minute or two)…",
);
const stack = await startStack({
  dataDir: path.join(root, ".data"),
  appPort: options.data.DEMO_APP_PORT,
  emulatorPort: options.data.DEMO_EMULATOR_PORT,
  portalPort: options.data.DEMO_PORTAL_PORT,
  controlApi: false,
  lang: options.data.DEMO_LANG,
  install: true,
  workerInProcess: true,
  mode: dev ? "dev" : "start",
  quiet: !dev,
}).catch((error: unknown) => {
  // One line that says what to do instead of a spawn stack (lib/database/postgres-user-access.ts).
  if (!(error instanceof PostgresUserCannotEnterError)) throw error;
  console.error(error.message);
  process.exit(2);
});

console.log(`
StaffSuite demo is running.

  Open the emulated Bitrix24 portal with StaffSuite inside:
    ${stack.portalAppUrl}

  The app itself:          ${stack.appUrl}
  Portal start page:       ${stack.portalUrl}

Press Ctrl-C to stop (data stays in .data/).
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log("Stopping…");
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
