/**
 * The dependency rules (docs/architecture.md "Dependency rules") are enforced by `npm run lint`
 * (eslint.config.mjs: import/no-restricted-paths, and our staffsuite/no-import-cycle): a deliberate
 * violation must fail it, and the front doors must stay open. Each probe is linted as if it were a
 * file at that path, with the repository's own configuration; one probe breaking both rules goes
 * through the CLI to prove the exit code.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

async function errorsOf(rule: string, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const boundaryErrors = (file: string, code: string) => errorsOf("import/no-restricted-paths", file, code);
const cycleErrors = (file: string, code: string) => errorsOf("staffsuite/no-import-cycle", file, code);

/** A file of the repository as it is on disk, to lint with one import changed. */
const onDisk = (file: string) => readFileSync(path.join(root, file), "utf8");

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe("npm run lint refuses", () => {
  it.each([
    ["lib/ importing emulator/", "lib/boundary-probe.ts", `import { startEmulator } from "../emulator/server";\nexport const probe = startEmulator;\n`],
    [
      "lib/ importing test support",
      "lib/boundary-probe.ts",
      `import { createTestDatabase } from "../test/support/db";\nexport const probe = createTestDatabase;\n`,
    ],
    [
      "one tool importing another (transfer → privacy)",
      "lib/transfer/boundary-probe.ts",
      `import { startDownload } from "../privacy";\nexport const probe = startDownload;\n`,
    ],
    [
      "one tool importing another (mail → transfer)",
      "lib/mail/boundary-probe.ts",
      `import { startTransfer } from "../transfer";\nexport const probe = startTransfer;\n`,
    ],
    [
      "a feature's private file from outside it",
      "app/boundary-probe.ts",
      `import { TokenStore } from "@/lib/bitrix24/token-store";\nexport const probe = TokenStore;\n`,
    ],
    [
      "another feature's private file from inside lib/",
      "lib/portal-data/boundary-probe.ts",
      `import { installFromPost } from "../lifecycle/install";\nexport const probe = installFromPost;\n`,
    ],
    ["the emulator importing the app", "emulator/boundary-probe.ts", `import { env } from "../lib/env";\nexport const probe = env;\n`],
    [
      "a feature asking the composition root for its services",
      "lib/transfer/boundary-probe.ts",
      `import { services } from "../services";\nexport const probe = () => services().prisma;\n`,
    ],
    [
      "a shared module asking the composition root for its services",
      "lib/ownership/boundary-probe.ts",
      `import type { Services } from "../services";\nexport type Probe = Services;\n`,
    ],
    [
      "test support reaching into the emulator's memory",
      "test/support/boundary-probe.ts",
      `import { issueTokens } from "../../emulator/oauth/tokens";\nexport const probe = issueTokens;\n`,
    ],
  ])(
    "%s",
    async (_, file, code) => {
      expect(await boundaryErrors(file, code)).toHaveLength(1);
    },
    60_000,
  );
});

describe("npm run lint allows", () => {
  it.each([
    ["a feature through its front door", "app/boundary-probe.ts", `import { TokenStore } from "@/lib/bitrix24";\nexport const probe = TokenStore;\n`],
    [
      "a client component through a feature's client door",
      "components/boundary-probe.tsx",
      `import { codeFromDigest } from "@/lib/errors/client";\nexport const probe = codeFromDigest;\n`,
    ],
    ["a tool using a shared module", "lib/transfer/boundary-probe.ts", `import { loadCatalogue } from "../ownership";\nexport const probe = loadCatalogue;\n`],
    [
      "a feature naming the services it takes",
      "lib/transfer/boundary-probe.ts",
      `import type { Services } from "../service-types";\nexport type Probe = Pick<Services, "prisma">;\n`,
    ],
    [
      "a test beside the code using test support",
      "lib/boundary-probe.int.test.ts",
      `import { createTestDatabase } from "../test/support/db";\nexport const probe = createTestDatabase;\n`,
    ],
    [
      "test support starting the emulator and calling its control API",
      "test/support/boundary-probe.ts",
      `import { startEmulator } from "../../emulator/server";\nimport { controlClient } from "../../emulator/control/client";\nexport const probe = [startEmulator, controlClient];\n`,
    ],
  ])(
    "%s",
    async (_, file, code) => {
      expect(await boundaryErrors(file, code)).toEqual([]);
    },
    60_000,
  );
});

describe("npm run lint refuses an import cycle", () => {
  // Each probe is a file of the repository with one import added that closes a loop back to it.
  it.each([
    [
      "two files of a feature (i18n: the languages and the front door that re-exports them)",
      "lib/i18n/languages.ts",
      `import { translator } from "./index";\nexport const probe = translator;\n${onDisk("lib/i18n/languages.ts")}`,
      "lib/i18n/languages.ts → lib/i18n/index.ts → lib/i18n/languages.ts",
    ],
    [
      "a type-only loop (the client and its batch)",
      "lib/bitrix24/batch.ts",
      `import type { Bitrix24Client } from "./client";\nexport type Probe = Bitrix24Client;\n${onDisk("lib/bitrix24/batch.ts")}`,
      "lib/bitrix24/batch.ts → lib/bitrix24/client.ts → lib/bitrix24/batch.ts",
    ],
    [
      "a feature reaching the composition root that lists its jobs",
      "lib/privacy/jobs.ts",
      `import { services } from "../services";\nexport const probe = services;\n${onDisk("lib/privacy/jobs.ts")}`,
      "lib/privacy/jobs.ts → lib/services.ts → lib/job-catalogue.ts → lib/privacy/index.ts → lib/privacy/jobs.ts",
    ],
    [
      "components of one page (the emulator's portal chrome)",
      "emulator/portal-page/notifications.ts",
      `import { renderChrome } from "./render";\nexport const probe = renderChrome;\n${onDisk("emulator/portal-page/notifications.ts")}`,
      "emulator/portal-page/notifications.ts → emulator/portal-page/render.ts → emulator/portal-page/notifications.ts",
    ],
  ])(
    "%s",
    async (_, file, code, chain) => {
      const errors = await cycleErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(chain);
    },
    60_000,
  );

  it.each([
    ["lib/i18n/languages.ts"],
    ["lib/bitrix24/batch.ts"],
    ["lib/privacy/jobs.ts"],
    ["emulator/portal-page/notifications.ts"],
    ["app/(portal)/privacy/change-dialog.tsx"],
  ])(
    "and passes %s as it is",
    async (file) => {
      expect(await cycleErrors(file, onDisk(file))).toEqual([]);
    },
    60_000,
  );
});

// One run of the command for both rules (each start of ESLint costs seconds of CPU, tens of seconds
// on a loaded machine): a file with an import cycle and a cross-boundary import. ESLint exits
// non-zero when it reports an error, and each rule's message is one (severity 2).
it("the lint command exits non-zero on an import cycle and on a cross-boundary import", () => {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/eslint/bin/eslint.js"), "--format", "json", "--stdin", "--stdin-filename", "lib/i18n/languages.ts"],
    {
      cwd: root,
      input: `import { translator } from "./index";\nimport { startEmulator } from "../../emulator/server";\nexport const probe = [translator, startEmulator];\n${onDisk("lib/i18n/languages.ts")}`,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(1);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; severity: number }> }>;
  const severityOf = (rule: string) => result.messages.filter((m) => m.ruleId === rule).map((m) => m.severity);
  expect(severityOf("staffsuite/no-import-cycle")).toEqual([2]);
  expect(severityOf("import/no-restricted-paths")).toEqual([2]);
}, 120_000);
