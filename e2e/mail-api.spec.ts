/**
 * The Gmail extension's backend API on its own (no browser): bad input gets JSON 4xx and never a
 * 5xx, forged tokens and unsigned callbacks are refused, and CORS answers only the extension.
 */
import { expect, test } from "@playwright/test";
import { appUrl, EXTENSION_ID } from "./support/stack-env";

test("the API answers bad input with JSON 4xx, never 5xx, and CORS only for the extension", async () => {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${appUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  expect((await post("/api/extension/lookup", "{}")).status).toBe(401);
  expect((await post("/api/extension/session/claim", "not json")).status).toBe(400);
  expect((await post("/api/extension/session/claim", JSON.stringify({ code: "x".repeat(20), verifier: "y".repeat(50) }))).status).toBe(401);
  const forged = await post("/api/extension/log-email", "{}", { authorization: `Bearer ${"A".repeat(43)}` });
  expect(forged.status).toBe(401);
  expect(await forged.json()).toMatchObject({ error: "unauthorized" });
  const start = await fetch(`${appUrl()}/api/extension/connect?portal=nowhere.example&challenge=short`, { redirect: "manual" });
  expect(start.status).toBe(400);
  const unknown = await fetch(`${appUrl()}/api/extension/connect?portal=nowhere.example&challenge=${"a".repeat(43)}`, { redirect: "manual" });
  expect(unknown.status).toBe(404);
  // A callback whose state we did not sign is refused before any call to the OAuth server.
  const callback = await fetch(`${appUrl()}/api/extension/connect/callback?code=abc&state=${"x".repeat(30)}`);
  expect(callback.status).toBe(401);
  const ok = await fetch(`${appUrl()}/api/extension/lookup`, {
    method: "OPTIONS",
    headers: { origin: `chrome-extension://${EXTENSION_ID}`, "access-control-request-method": "POST" },
  });
  expect(ok.headers.get("access-control-allow-origin")).toBe(`chrome-extension://${EXTENSION_ID}`);
  const evil = await fetch(`${appUrl()}/api/extension/lookup`, {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
  });
  expect(evil.headers.get("access-control-allow-origin")).toBeNull();
});
