import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", "extension/dist/**"],
    globalSetup: ["./test/global-setup.ts"],
    pool: "forks",
    // Integration tests start servers and databases: give them room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `server-only` throws outside Next's server bundle; tests import server modules directly.
    server: { deps: { inline: [] } },
  },
});
