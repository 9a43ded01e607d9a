/**
 * Conformance of placement.bind / unbind / get (b24restdocs api-reference/widgets/placement-bind.md,
 * placement-unbind.md, placement-get.md): administrators only, ERROR_ARGUMENT for a missing
 * PLACEMENT or HANDLER, a second identical binding refused, unbind answers how many went.
 */
import { describe, expect, it } from "vitest";
import { methodWorld } from "../../testing/harness";

const { world, call } = methodWorld(["user", "placement"]);

describe("placement.*", () => {
  it("binds a profile-menu handler, lists it, refuses a duplicate and unbinds it", async () => {
    const handler = "https://app.example.test/bitrix24/app";
    const bound = await call("placement.bind", {
      PLACEMENT: "USER_PROFILE_MENU",
      HANDLER: handler,
      TITLE: "Overview",
      LANG_ALL: { de: { TITLE: "Übersicht" } },
    });
    expect(bound).toMatchObject({ status: 200, body: { result: true } });
    const listed = await call("placement.get", {});
    expect(listed.body.result).toEqual([
      expect.objectContaining({ placement: "USER_PROFILE_MENU", handler, title: "Overview", langAll: { de: { TITLE: "Übersicht" } } }),
    ]);
    expect((await call("placement.bind", { PLACEMENT: "USER_PROFILE_MENU", HANDLER: handler })).body.error).toBe("ERROR_PLACEMENT_HANDLER_EXISTS");
    expect((await call("placement.unbind", { PLACEMENT: "USER_PROFILE_MENU", HANDLER: handler })).body.result).toEqual({ count: 1 });
    expect((await call("placement.get", {})).body.result).toEqual([]);
    expect(world().emu.store.portals.get("acme")).toBeTruthy();
  });

  it("answers ERROR_ARGUMENT without PLACEMENT or HANDLER, and ACCESS_DENIED for an employee", async () => {
    expect((await call("placement.bind", { HANDLER: "https://a.example.test/" })).body).toMatchObject({ error: "ERROR_ARGUMENT" });
    expect((await call("placement.bind", { PLACEMENT: "USER_PROFILE_MENU" })).body).toMatchObject({ error: "ERROR_ARGUMENT" });
    const users = [...world().emu.store.portals.get("acme")!.users.values()];
    const employee = users.find((u) => !u.admin && u.active)!;
    const refused = await call("placement.bind", { PLACEMENT: "USER_PROFILE_MENU", HANDLER: "https://a.example.test/" }, employee.id);
    expect(refused).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
  });
});
