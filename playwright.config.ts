import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./scripts/preflight/chromium";

// Debian's Chromium (scripts/preflight/chromium.ts): Playwright's own browser download cannot
// work here. The flags keep it from reaching for the network at start.
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/global-setup.ts",
  // Each test opens a portal of its own (e2e/support/stack-env.ts newPortalWithApp), so tests run
  // side by side on the one stack; much of a test is waiting on the app and its jobs.
  fullyParallel: true,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
