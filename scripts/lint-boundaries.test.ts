/**
 * The dependency rules (docs/architecture.md "Dependency rules") are enforced by `npm run lint`
 * (eslint.config.mjs, import/no-restricted-paths): a deliberate violation must fail it, and the
 * front doors must stay open. Each probe is linted as if it were a file at that path, with the
 * repository's own configuration; one probe goes through the CLI to prove the exit code.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);
}

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
      `import { privacyJobs } from "../privacy";\nexport const probe = privacyJobs;\n`,
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

it("the lint command exits non-zero on a cross-feature import", () => {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", "lib/transfer/boundary-probe.ts"],
    {
      cwd: root,
      input: `import { privacyJobs } from "../privacy";\nexport const probe = privacyJobs;\n`,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(1);
  expect(run.stdout).toContain("import/no-restricted-paths");
}, 120_000);
