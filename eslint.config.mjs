import next from "eslint-config-next";

const config = [
  { ignores: ["node_modules/", ".next/", ".data/", "lib/generated/", "extension/dist/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  ...next,
];

export default config;
