/**
 * app.info, app.option.get / set, scope, methods, server.time against b24restdocs
 * api-reference/common/system/app-info.md, common/settings/app-option-get.md, app-option-set.md,
 * common/system/scope.md, methods.md, server-time.md, read as the server does them
 * (modules/rest/classes/general/rest_provider.php): every parameter and each documented refusal.
 */
import { describe, expect, it } from "vitest";
import { addWebhook } from "../../state/store";
import { get, methodWorld, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "department", "crm"]);

const employee = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;
const hook = (scopes: string[]) => {
  const h = addWebhook(world().emu.store.portals.get("acme")!, 1, scopes);
  return `${world().rest}${h.userId}/${h.code}/`;
};

describe("app.info", () => {
  it("describes the app with the documented keys", async () => {
    const r = (await call("app.info", {})).body.result;
    expect(Object.keys(r).sort()).toEqual(
      ["CODE", "DAYS", "ID", "INSTALLED", "LANGUAGE_ID", "LICENSE", "LICENSE_FAMILY", "LICENSE_TYPE", "PAYMENT_EXPIRED", "STATUS", "VERSION"].sort(),
    );
    expect(r).toMatchObject({ INSTALLED: true, STATUS: "L", PAYMENT_EXPIRED: "N" });
  });

  it("through a webhook answers the webhook's SCOPE and the LICENSE", async () => {
    const r = (await get(`${hook(["user", "crm"])}app.info`)).body.result;
    expect(r.SCOPE.sort()).toEqual(["crm", "user"]);
    expect(r).toHaveProperty("LICENSE");
    expect(r).not.toHaveProperty("ID");
  });
});

describe("app.option.*", () => {
  it("sets options given under `options` or as the parameters themselves, and reads one or all", async () => {
    expect((await call("app.option.set", { options: { mode: "fast", n: 3 } })).body.result).toBe(true);
    expect((await call("app.option.set", { color: "blue" })).body.result).toBe(true);
    expect((await call("app.option.get", { option: "mode" })).body.result).toBe("fast");
    expect((await call("app.option.get", { option: "color" })).body.result).toBe("blue");
    expect((await call("app.option.get", { option: "missing" })).body.result).toBeNull();
    expect((await call("app.option.get", {})).body.result).toMatchObject({ mode: "fast", n: 3, color: "blue" });
  });

  it("refuses: no options (ArgumentNullException, checked first), a non-administrator, a webhook", async () => {
    expect(await call("app.option.set", {}, employee().id)).toMatchObject({ status: 400, body: { error: "ArgumentNullException" } });
    expect(await call("app.option.set", { options: { x: 1 } }, employee().id)).toMatchObject({
      status: 400,
      body: { error: "AccessException", error_description: "Administrator authorization required" },
    });
    expect((await get(`${hook(["user"])}app.option.get`)).body).toMatchObject({ error: "AccessException", error_description: "Application context required" });
  });
});

describe("scope, methods, server.time", () => {
  it("scope lists the token's scopes, FULL (any case) every scope", async () => {
    expect((await call("scope", {})).body.result.sort()).toEqual(["crm", "department", "user"]);
    const full = (await call("scope", { FULL: "Y" })).body.result;
    expect(full).toEqual(expect.arrayContaining(["task", "im", "disk", "crm"]));
    expect((await call("scope", { full: true })).body.result).toEqual(full);
  });

  it("methods lists the token's methods, SCOPE narrows (empty = the global ones), FULL lists all", async () => {
    const mine = (await call("methods", {})).body.result as string[];
    expect(mine).toEqual(expect.arrayContaining(["batch", "user.get", "department.get", "crm.deal.list", "app.info"]));
    expect(mine).not.toContain("tasks.task.list");
    const crm = (await call("methods", { SCOPE: "crm" })).body.result as string[];
    expect(crm.length).toBeGreaterThan(5);
    expect(crm.every((m) => m.startsWith("crm."))).toBe(true);
    const global = (await call("methods", { scope: "" })).body.result as string[];
    expect(global).toEqual(expect.arrayContaining(["app.info", "profile"]));
    expect(global).not.toContain("user.get");
    expect((await call("methods", { full: "true" })).body.result).toEqual(expect.arrayContaining(["tasks.task.list"]));
  });

  it("server.time answers ISO 8601 with an offset", async () => {
    expect((await call("server.time", {})).body.result).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it("an unknown method answers ERROR_METHOD_NOT_FOUND", async () => {
    expect(await postJson(`${world().rest}no.such.method`, { auth: world().token() })).toMatchObject({
      status: 404,
      body: { error: "ERROR_METHOD_NOT_FOUND" },
    });
  });
});
