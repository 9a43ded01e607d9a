import next from "eslint-config-next";

const config = [
  { ignores: ["node_modules/", ".next/", ".data/", "lib/generated/", "extension/dist/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...next,
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
