import path from "node:path";
import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/support/slow-first-sequencer";

const exclude = ["node_modules/**", "e2e/**", ".next/**", ".data/**", "extension/dist/**"];

// Two projects: `unit` (plain functions, no database, no servers) and `int` (`*.int.test.ts`:
// real PostgreSQL, the emulator over HTTP). `vitest run` runs both; `npm run test:unit` and
// `npm run test:int` pick one with `--project`.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    pool: "forks",
    // Three test files at a time on two cores: integration files spend most of their time waiting
    // (PostgreSQL, the emulator, job workers), not computing. Each file has its own database and
    // emulator, so files never share state (docs/style.md "Tests").
    maxWorkers: 3,
    // The slowest files start first, so none is left running alone at the end.
    sequence: { sequencer: SlowFirstSequencer },
    // `server-only` throws outside Next's server bundle; tests import server modules directly.
    server: { deps: { inline: [] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "**/*.int.test.ts", "**/*.int.test.tsx"],
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["**/*.int.test.ts", "**/*.int.test.tsx"],
          exclude,
          // One embedded PostgreSQL with a migrated template database for the run.
          globalSetup: ["./test/support/global-setup.ts"],
          // Integration tests start servers, databases and worker processes: give them room on a
          // shared 2-core machine (at a load of 29, killed-worker and launcher tests took over 60 s;
          // their own waits for a condition allow 90).
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
