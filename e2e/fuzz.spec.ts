/**
 * Bad input to every route handler and server action answers 4xx, never 5xx (docs/security.md).
 * The routes are discovered from the production build (.next/app-path-routes-manifest.json) and
 * the actions from its server-reference-manifest.json, so routes added later are covered too.
 * Each gets every method, broken bodies of several content types, oversized bodies, bad ids in
 * dynamic segments (NUL, malformed escapes, huge), with no session and with an admin's session;
 * every action additionally gets a foreign Origin and undecodable arguments. Portal pages without
 * a session answer 401.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { appUrl, openInstalledPortal } from "./support/stack-env";

const build = path.resolve(import.meta.dirname, "../.next");
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(build, file), "utf8")) as T;

interface Route {
  /** "/api/jobs/[id]" */
  pattern: string;
  kind: "page" | "route";
  /** Under the (portal) group: needs a session. */
  portal: boolean;
}

function discoverRoutes(): Route[] {
  const manifest = readJson<Record<string, string>>("app-path-routes-manifest.json");
  return Object.entries(manifest)
    .filter(([, pattern]) => !pattern.startsWith("/_"))
    .map(([entry, pattern]) => ({ pattern, kind: entry.endsWith("/page") ? ("page" as const) : ("route" as const), portal: entry.startsWith("/(portal)/") }));
}

function discoverActions(): Array<{ id: string; pagePattern: string }> {
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const manifest = readJson<{ node: Record<string, { workers: Record<string, unknown> }> }>("server/server-reference-manifest.json");
  return Object.entries(manifest.node).flatMap(([id, action]) =>
    Object.keys(action.workers)
      .map((worker) => routes[`/${worker.replace(/^app\//, "")}`])
      .filter((pattern): pattern is string => Boolean(pattern))
      .map((pagePattern) => ({ id, pagePattern })),
  );
}

/** Values for a dynamic segment, already escaped for the path. */
const BAD_IDS = [
  "%00",
  "abc%00def",
  "%E0%A4%A",
  "%ZZ",
  "%",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(4000),
  "%F0%9F%92%A5",
  "1%20OR%201%3D1",
  "00000000-0000-0000-0000-000000000000",
  "clxxxxxxxxxxxxxxxxxxxxxxx",
];

function concretePaths(pattern: string): string[] {
  if (!pattern.includes("[")) return [pattern];
  return BAD_IDS.map((id) => pattern.replace(/\[\.{0,3}[^\]]+\]/g, id));
}

const MB = 1024 * 1024;
const BODIES: Array<{ name: string; headers: Record<string, string>; data: string | Buffer }> = [
  { name: "empty", headers: {}, data: "" },
  { name: "broken json", headers: { "content-type": "application/json" }, data: '{"a": [1, 2' },
  { name: "json of the wrong shape", headers: { "content-type": "application/json" }, data: '[[[[["deep"]]]], null, {"__proto__": {"x": 1}}]' },
  {
    name: "multipart without boundary",
    headers: { "content-type": "multipart/form-data" },
    data: "--x\r\ncontent-disposition: form-data; name=a\r\n\r\n1\r\n--x--",
  },
  { name: "multipart with a broken body", headers: { "content-type": "multipart/form-data; boundary=zzz" }, data: "--zzz\r\nnonsense" },
  { name: "form with malformed escapes", headers: { "content-type": "application/x-www-form-urlencoded" }, data: "a=%E0%A4%A&b=%ZZ&c=%00" },
  { name: "invalid utf-8", headers: { "content-type": "text/plain;charset=UTF-8" }, data: Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00]) },
  { name: "xml", headers: { "content-type": "application/xml" }, data: "<a><b>" },
  { name: "2 MB form", headers: { "content-type": "application/x-www-form-urlencoded" }, data: `a=${"x".repeat(2 * MB)}` },
  { name: "11 MB json", headers: { "content-type": "application/json" }, data: `["${"y".repeat(11 * MB)}"]` },
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

interface Answer {
  what: string;
  status: number;
}

async function send(
  request: APIRequestContext,
  method: string,
  url: string,
  options: { headers?: Record<string, string>; data?: string | Buffer } = {},
): Promise<number> {
  try {
    const response = await request.fetch(url, {
      method,
      headers: options.headers,
      data: options.data,
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: 30_000,
    });
    return response.status();
  } catch {
    // A connection the server closed instead of answering is a failure too.
    return 599;
  }
}

test("no route handler, page or server action answers 5xx to bad input", async ({ page, playwright }) => {
  test.setTimeout(600_000);
  await openInstalledPortal(page);
  const session = (await page.context().cookies()).find((c) => c.name === "staffsuite.session");
  expect(session, "the admin's session cookie").toBeDefined();
  const routes = discoverRoutes();
  const actions = discoverActions();
  // The build has what this suite knows exists (a newer build only adds to it).
  expect(routes.map((r) => r.pattern)).toEqual(
    expect.arrayContaining(["/api/jobs/[id]", "/api/bitrix24/events", "/bitrix24/app", "/bitrix24/install", "/settings"]),
  );
  expect(actions.length).toBeGreaterThan(0);

  const answers: Answer[] = [];
  const base = appUrl();
  for (const who of ["anonymous", "admin"] as const) {
    const request = await playwright.request.newContext({ extraHTTPHeaders: who === "admin" ? { cookie: `staffsuite.session=${session!.value}` } : {} });
    try {
      for (const route of routes) {
        const urls = concretePaths(route.pattern);
        for (const [i, url] of urls.entries()) {
          for (const method of METHODS) answers.push({ what: `${who} ${method} ${url.slice(0, 80)}`, status: await send(request, method, `${base}${url}`) });
          // Every body once per route; on its other ids only the light ones (time: npm test on 2 cores).
          for (const body of i === 0 ? BODIES : BODIES.filter((b) => b.data.length < 1024)) {
            answers.push({ what: `${who} POST ${url.slice(0, 80)} (${body.name})`, status: await send(request, "POST", `${base}${url}`, body) });
          }
        }
        // Query strings with NUL, broken escapes and absurd length.
        for (const query of ["?id=%00", "?LANG=%E0%A4%A&DOMAIN=%00", `?x=${"q".repeat(6000)}`]) {
          answers.push({
            what: `${who} GET ${route.pattern}${query.slice(0, 40)}`,
            status: await send(request, "GET", `${base}${concretePaths(route.pattern)[0]}${query}`),
          });
        }
      }
      for (const action of actions) {
        const pageUrl = `${base}${concretePaths(action.pagePattern)[0]}`;
        const headers = { "next-action": action.id, accept: "text/x-component" };
        const cases: Array<{ name: string; headers: Record<string, string>; data: string | Buffer }> = [
          ...BODIES.map((b) => ({ name: b.name, headers: { ...headers, ...b.headers }, data: b.data })),
          { name: "foreign origin", headers: { ...headers, origin: "https://attacker.example", "content-type": "text/plain;charset=UTF-8" }, data: '["x"]' },
          { name: "null origin", headers: { ...headers, origin: "null", "content-type": "text/plain;charset=UTF-8" }, data: '["x"]' },
          { name: "junk arguments", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: '["$@1", {"$": "$Q9"}, "$K1"]' },
          {
            name: "arguments of the wrong types",
            headers: { ...headers, "content-type": "text/plain;charset=UTF-8" },
            data: '[42, "$$x", {"a": [1]}, "$D2026-13-45"]',
          },
          { name: "not an array", headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: '"$T"' },
          { name: "unknown action id", headers: { ...headers, "next-action": "ff".repeat(21), "content-type": "text/plain;charset=UTF-8" }, data: "[]" },
          { name: "action id with junk", headers: { ...headers, "next-action": "../../x%00", "content-type": "text/plain;charset=UTF-8" }, data: "[]" },
        ];
        for (const c of cases)
          answers.push({
            what: `${who} action ${action.id.slice(0, 8)}… on ${action.pagePattern} (${c.name})`,
            status: await send(request, "POST", pageUrl, c),
          });
      }
    } finally {
      await request.dispose();
    }
  }

  const failures = answers.filter((a) => a.status >= 500);
  expect(
    failures.map((f) => `${f.status} ${f.what}`),
    `${failures.length} of ${answers.length} requests answered 5xx`,
  ).toEqual([]);
  expect(answers.length).toBeGreaterThan(500);

  // Portal pages without a session: 401, not a 200 that says "open it from the portal".
  const anonymous = await playwright.request.newContext();
  try {
    for (const route of routes.filter((r) => r.portal && r.kind === "page")) {
      const status = await send(anonymous, "GET", `${base}${route.pattern.replace(/\[[^\]]+\]/g, "clxxxxxxxxxxxxxxxxxxxxxxx")}`);
      expect.soft(status, `GET ${route.pattern} without a session`).toBe(401);
    }
  } finally {
    await anonymous.dispose();
  }
});
