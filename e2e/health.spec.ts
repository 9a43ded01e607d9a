/** The production build's health check: version, and whether the database and the queue answer. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appUrl } from "./support/stack-env";

test("GET /api/health reports the version and a live database and queue", async ({ request }) => {
  const { version } = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
  const response = await request.get(`${appUrl()}/api/health`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toMatchObject({ status: "ok", version, database: { ok: true }, queue: { ok: true } });
});
