import next from "eslint-config-next";
import importCycles from "./scripts/eslint/import-cycles.mjs";

/**
 * Which way imports may point (docs/architecture.md "Dependency rules"), enforced with
 * import/no-restricted-paths, and no import cycles anywhere (scripts/eslint/import-cycles.mjs).
 * scripts/lint-boundaries.test.ts proves a violation of each fails `npm run lint`.
 */
const FEATURES = [
  "bitrix24",
  "errors",
  "i18n",
  "jobs",
  "lifecycle",
  "mail",
  "operation-log",
  "ownership",
  "people",
  "portal-data",
  "privacy",
  "security",
  "transfer",
];
/** Tools that never import each other: what two of them share moves down into a shared module. */
const TOOLS = ["transfer", "privacy", "mail"];
/** A feature's front doors: index.ts, and client.ts(x) for what client components may import. */
const DOORS = ["./index.ts", "./client.ts", "./client.tsx"];

const everywhereZones = [
  { target: "./lib", from: "./emulator", message: "lib/ meets the emulator only over HTTP, as the app meets a real portal." },
  { target: "./emulator", from: ["./lib", "./app", "./components"], message: "The emulator is standalone: it imports nothing of the app." },
  ...TOOLS.map((tool) => ({
    target: `./lib/${tool}`,
    from: TOOLS.filter((other) => other !== tool).map((other) => `./lib/${other}`),
    message: "Tools never import each other: move what they share into a shared module (lib/ownership, lib/operation-log, …).",
  })),
  {
    target: "./lib/*/**",
    from: "./lib/services.ts",
    message:
      "Nothing inside lib/ asks the composition root for services: take them as a parameter (a Pick of Services from lib/service-types.ts); app/ and the launchers pass services().",
  },
  ...FEATURES.map((feature) => ({
    // Every file outside lib/<feature>/ …
    target: ["./*.ts", "./app/**", "./components/**", "./scripts/**", "./test/**", "./e2e/**", "./lib/*.ts", "./lib/*.tsx", `./lib/!(${feature})/**`],
    // … enters it through its front door only.
    from: `./lib/${feature}`,
    except: DOORS,
    message: `Import lib/${feature} through its index.ts (or client.ts for client components).`,
  })),
  {
    target: "./test",
    from: "./emulator",
    except: ["./server.ts", "./control/client.ts", "./tls/local-ca.ts"],
    message:
      "Test support starts the emulator (emulator/server.ts, trusting its CA: tls/local-ca.ts) and arranges its world through the control API (emulator/control/client.ts), not its memory.",
  },
];

/** Tests beside the code may use test support (test/support), the rest of lib/ never. */
const libZones = [...everywhereZones, { target: "./lib", from: "./test", message: "lib/ never imports test support; tests (*.test.ts) may." }];

const config = [
  { ignores: ["node_modules/", ".next/", ".data/", "lib/generated/", "extension/dist/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...next,
  {
    // Logging goes through lib/log.ts (levels, no tokens or names, one line per entry).
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-console": "error" },
  },
  { files: ["**/*.{ts,tsx,mjs}"], rules: { "import/no-restricted-paths": ["error", { zones: everywhereZones }] } },
  { files: ["**/*.{ts,tsx,mts,mjs}"], plugins: { staffsuite: importCycles }, rules: { "staffsuite/no-import-cycle": "error" } },
  { files: ["lib/**/*.{ts,tsx}"], ignores: ["**/*.test.ts", "**/*.test.tsx"], rules: { "import/no-restricted-paths": ["error", { zones: libZones }] } },
  {
    // The extension talks to the app over HTTP only (docs/architecture.md): it never imports the
    // app's or the emulator's code; its browser code (src/) imports no Node modules either.
    files: ["extension/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "**/lib/**", "**/emulator/**", "**/app/**", "**/components/**"],
              message: "extension/ talks to the app over HTTP: no imports from lib/, app/, components/ or emulator/",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["extension/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "**/lib/**", "**/emulator/**", "**/app/**", "**/components/**", "node:*"],
              message: "extension/src runs in the browser and talks to the app over HTTP: no imports from lib/, app/, components/, emulator/ or Node",
            },
          ],
        },
      ],
    },
  },
];

export default config;
