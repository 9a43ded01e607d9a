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
  {
    // The extension talks to the app over HTTP only (docs/architecture.md): it never imports the
    // app's or the emulator's code; its browser code (src/) imports no Node modules either.
    files: ["extension/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "**/lib/**", "**/emulator/**", "**/app/**", "**/components/**"], message: "extension/ talks to the app over HTTP: no imports from lib/, app/, components/ or emulator/" }] }],
    },
  },
  {
    files: ["extension/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "**/lib/**", "**/emulator/**", "**/app/**", "**/components/**", "node:*"], message: "extension/src runs in the browser and talks to the app over HTTP: no imports from lib/, app/, components/, emulator/ or Node" }] }],
    },
  },
];

export default config;
