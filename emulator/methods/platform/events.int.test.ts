/**
 * event.bind / event.get / event.unbind against b24restdocs api-reference/events/event-bind.md,
 * event-get.md, event-unbind.md, read as the server does them (modules/rest/lib/api/event.php,
 * handlerhelper.php): each parameter and each documented refusal. Deliveries, offline events,
 * event.test and `events`: events/record-events.int.test.ts.
 */
import { describe, expect, it } from "vitest";
import { addWebhook } from "../../state/store";
import { methodWorld, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm", "task"]);

const handler = (path = "events") => `${world().app.url}/${path}`;
const employee = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;

describe("event.bind", () => {
  it("binds an online handler (auth_type optional) and an offline one", async () => {
    expect((await call("event.bind", { event: "ONCRMDEALADD", handler: handler("a") })).body.result).toBe(true);
    expect((await call("event.bind", { EVENT: "onCrmDealUpdate", HANDLER: handler("a"), AUTH_TYPE: 2 })).body.result).toBe(true);
    expect((await call("event.bind", { event: "ONCRMDEALDELETE", event_type: "offline", auth_connector: "sync" })).body.result).toBe(true);
    const bound = (await call("event.get", {})).body.result;
    expect(bound).toEqual(
      expect.arrayContaining([
        { event: "ONCRMDEALADD", handler: handler("a"), auth_type: "0", offline: 0 },
        { event: "ONCRMDEALUPDATE", handler: handler("a"), auth_type: "2", offline: 0 },
        { event: "ONCRMDEALDELETE", connector_id: "sync", offline: 1 },
      ]),
    );
  });

  it("accepts a handler on another host or port (checkCallback compares no host)", async () => {
    expect((await call("event.bind", { event: "ONTASKADD", handler: "https://elsewhere.example.test:8443/hook" })).body.result).toBe(true);
  });

  it("refuses: no EVENT or HANDLER (ERROR_ARGUMENT), a bad event_type, a bad handler URL or protocol, an unknown event, a duplicate", async () => {
    expect(await call("event.bind", { handler: handler() })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    expect(await call("event.bind", { event: "ONTASKUPDATE" })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    expect(await call("event.bind", { event: "ONTASKUPDATE", handler: handler(), event_type: "sometimes" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_ARGUMENT" },
    });
    expect(await call("event.bind", { event: "ONTASKUPDATE", handler: "http://intranet/hook" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_WRONG_HANDLER_URL" },
    });
    expect(await call("event.bind", { event: "ONTASKUPDATE", handler: "ftp://files.example.test/hook" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_UNSUPPORTED_PROTOCOL" },
    });
    expect(await call("event.bind", { event: "ONNOTHING", handler: handler() })).toMatchObject({ status: 400, body: { error: "ERROR_EVENT_NOT_FOUND" } });
    await call("event.bind", { event: "ONTASKDELETE", handler: handler("dup") });
    expect(await call("event.bind", { event: "ONTASKDELETE", handler: handler("dup") })).toMatchObject({ status: 400, body: { error: "ERROR_CORE" } });
  });

  it("refuses an employee another user's auth_type and offline bindings (ACCESS_DENIED); a webhook (WRONG_AUTH_TYPE)", async () => {
    const u = employee();
    expect(await call("event.bind", { event: "ONCRMLEADADD", handler: handler(), auth_type: 1 }, u.id)).toMatchObject({
      status: 403,
      body: { error: "ACCESS_DENIED" },
    });
    expect(await call("event.bind", { event: "ONCRMLEADADD", event_type: "offline" }, u.id)).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    const h = addWebhook(world().emu.store.portals.get("acme")!, 1, ["crm"]);
    expect(await postJson(`${world().rest}${h.userId}/${h.code}/event.bind`, { event: "ONCRMLEADADD", handler: handler() })).toMatchObject({
      body: { error: "WRONG_AUTH_TYPE" },
    });
  });
});

describe("event.get / event.unbind", () => {
  it("an employee's binding runs as them; event.get shows an employee only their own bindings", async () => {
    const u = employee();
    expect((await call("event.bind", { event: "ONCRMCONTACTADD", handler: handler("mine") }, u.id)).body.result).toBe(true);
    const mine = (await call("event.get", {}, u.id)).body.result;
    expect(mine).toEqual([{ event: "ONCRMCONTACTADD", handler: handler("mine"), auth_type: String(u.id), offline: 0 }]);
    expect((await call("event.get", {})).body.result.length).toBeGreaterThan(1);
  });

  it("unbinds by EVENT and HANDLER (auth_type narrows), answering how many went", async () => {
    await call("event.bind", { event: "ONCRMCOMPANYADD", handler: handler("x") });
    await call("event.bind", { event: "ONCRMCOMPANYADD", handler: handler("x"), auth_type: 3 });
    expect((await call("event.unbind", { event: "ONCRMCOMPANYADD", handler: handler("x"), auth_type: 3 })).body.result).toEqual({ count: 1 });
    expect((await call("event.unbind", { event: "ONCRMCOMPANYADD", handler: handler("x") })).body.result).toEqual({ count: 1 });
    expect((await call("event.unbind", { event: "ONCRMCOMPANYADD", handler: handler("x") })).body.result).toEqual({ count: 0 });
    expect((await call("event.unbind", { event: "ONCRMDEALDELETE", event_type: "offline", auth_connector: "sync" })).body.result).toEqual({ count: 1 });
  });

  it("refuses an unbind without EVENT or HANDLER (ERROR_ARGUMENT) and another user's auth_type by an employee", async () => {
    expect(await call("event.unbind", { handler: handler() })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    expect(await call("event.unbind", { event: "ONCRMDEALADD" })).toMatchObject({ status: 400, body: { error: "ERROR_ARGUMENT" } });
    expect(await call("event.unbind", { event: "ONCRMDEALADD", handler: handler("a"), auth_type: 1 }, employee().id)).toMatchObject({
      status: 403,
      body: { error: "ACCESS_DENIED" },
    });
  });
});
