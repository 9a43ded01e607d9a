import next from "eslint-config-next";

const config = [
  { ignores: ["node_modules/", ".next/", ".data/", "lib/generated/", "extension/dist/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...next,
  {
    // Logging goes through lib/log.ts (levels, no tokens or names, one line per entry).
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    rules: { "no-console": "error" },
  },
];

export default config;
