/**
 * Conformance of placement.bind / unbind / get / list with the server's
 * modules/rest/lib/api/placement.php (avshatalov48/bitrix24-core-corp) and the docs' pages
 * b24restdocs api-reference/widgets/placement-bind.md, placement-unbind.md, placement-get.md,
 * placement-list.md.
 */
import { describe, expect, it } from "vitest";
import { methodWorld, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "placement", "crm"]);
const HANDLER = "https://app.example.test/bitrix24/app";

const employee = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active)!;

async function webhookCall(method: string, params: object) {
  const hook = await postJson(`${world().emu.httpUrl}/_emulator/portals/acme/webhooks`, { userId: 1, scopes: ["placement", "user"] });
  return postJson(`${hook.body.url}${method}`, params);
}

describe("placement.bind / get (placement-bind.md, placement-get.md)", () => {
  it("lists a binding with every field placement.get prints, the title from LANG_ALL's entry for the portal's language or its first", async () => {
    expect(
      await call("placement.bind", {
        PLACEMENT: "USER_PROFILE_MENU",
        HANDLER,
        TITLE: "Overview",
        LANG_ALL: { de: { TITLE: "Übersicht", GROUP_NAME: "Gruppe" } },
      }),
    ).toMatchObject({ status: 200, body: { result: true } });
    expect((await call("placement.bind", { PLACEMENT: "CRM_DEAL_DETAIL_TAB", HANDLER, TITLE: "Deal tab" })).body.result).toBe(true);
    const listed = (await call("placement.get", {})).body.result;
    expect(listed).toEqual([
      {
        placement: "USER_PROFILE_MENU",
        userId: 0,
        handler: HANDLER,
        options: [],
        // No "en" entry: Lang::mergeFromLangAll takes LANG_ALL's first, so TITLE is not used.
        title: "Übersicht",
        description: "",
        langAll: { de: { TITLE: "Übersicht", DESCRIPTION: "", GROUP_NAME: "Gruppe" } },
      },
      // Without LANG_ALL the given words are kept under the portal's language.
      {
        placement: "CRM_DEAL_DETAIL_TAB",
        userId: 0,
        handler: HANDLER,
        options: [],
        title: "Deal tab",
        description: "",
        langAll: { en: { TITLE: "Deal tab", DESCRIPTION: "", GROUP_NAME: "" } },
      },
    ]);
  });

  it("keeps the app's name as the title when no words are given; OPTIONS only where the placement takes them", async () => {
    const other = `${HANDLER}?n=2`;
    await call("placement.bind", { PLACEMENT: "LEFT_MENU", HANDLER: other, OPTIONS: { ignored: "x" } });
    await call("placement.bind", { PLACEMENT: "PAGE_BACKGROUND_WORKER", HANDLER: other, OPTIONS: { errorHandlerUrl: "https://a.example.test/e" }, USER_ID: 1 });
    const rows = (await call("placement.get", {})).body.result as Array<Record<string, unknown>>;
    expect(rows.find((r) => r.placement === "LEFT_MENU")).toMatchObject({ title: "", options: [], langAll: { en: { TITLE: "Test app" } } });
    expect(rows.find((r) => r.placement === "PAGE_BACKGROUND_WORKER")).toMatchObject({ userId: 1, options: { errorHandlerUrl: "https://a.example.test/e" } });
    // placement-bind.md: PAGE_BACKGROUND_WORKER once per app and user (the server counts the
    // user's bindings and everyone's); USER_ID elsewhere is refused.
    expect((await call("placement.bind", { PLACEMENT: "PAGE_BACKGROUND_WORKER", HANDLER: `${other}&again`, USER_ID: 1 })).body.error).toBe(
      "ERROR_PLACEMENT_MAX_COUNT",
    );
    expect((await call("placement.bind", { PLACEMENT: "LEFT_MENU", HANDLER: `${other}&u`, USER_ID: 5 })).body.error).toBe("ERROR_PLACEMENT_USER_MODE");
  });

  it("refuses: a missing PLACEMENT or HANDLER (ERROR_ARGUMENT with argument), the same handler twice, a placement outside the token's scopes or a private one", async () => {
    expect((await call("placement.bind", { HANDLER })).body).toEqual({
      error: "ERROR_ARGUMENT",
      error_description: "Argument 'PLACEMENT' is null or empty",
      argument: "PLACEMENT",
    });
    expect((await call("placement.bind", { PLACEMENT: "USER_PROFILE_MENU" })).body).toMatchObject({ error: "ERROR_ARGUMENT", argument: "HANDLER" });
    expect((await call("placement.bind", { PLACEMENT: ["X"], HANDLER })).body).toMatchObject({ error: "ERROR_ARGUMENT", argument: "PLACEMENT" });
    expect((await call("placement.bind", { PLACEMENT: "USER_PROFILE_MENU", HANDLER })).body.error).toBe("ERROR_CORE");
    expect((await call("placement.bind", { PLACEMENT: "TASK_VIEW_TAB", HANDLER })).body.error).toBe("ERROR_PLACEMENT_NOT_FOUND");
    expect((await call("placement.bind", { PLACEMENT: "BIZPROC_ACTIVITY_PROPERTIES_DIALOG", HANDLER })).body.error).toBe("ERROR_PLACEMENT_NOT_FOUND");
  });
});

describe("who may call (placement.php checkPermission)", () => {
  it("answers ACCESS_DENIED 403 to an employee for bind, unbind and get, but lists placements for them", async () => {
    for (const [method, params] of [
      ["placement.bind", { PLACEMENT: "USER_PROFILE_MENU", HANDLER: `${HANDLER}?e` }],
      ["placement.unbind", { PLACEMENT: "USER_PROFILE_MENU" }],
      ["placement.get", {}],
    ] as const) {
      expect(await call(method, params, employee().id), method).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    }
    expect((await call("placement.list", {}, employee().id)).status).toBe(200);
  });

  it("answers WRONG_AUTH_TYPE 403 to an incoming webhook, even an administrator's", async () => {
    for (const method of ["placement.bind", "placement.unbind", "placement.get", "placement.list"]) {
      expect(await webhookCall(method, { PLACEMENT: "USER_PROFILE_MENU", HANDLER }), method).toMatchObject({ status: 403, body: { error: "WRONG_AUTH_TYPE" } });
    }
  });
});

describe("placement.list (placement-list.md)", () => {
  it("offers the placements of the token's scopes, one scope's with SCOPE, all with FULL, never a private one", async () => {
    const own = (await call("placement.list", {})).body.result as string[];
    expect(own).toEqual(expect.arrayContaining(["USER_PROFILE_MENU", "CRM_DEAL_DETAIL_TAB"]));
    expect(own).not.toContain("TASK_VIEW_TAB");
    expect((await call("placement.list", { SCOPE: "crm" })).body.result).toEqual(expect.arrayContaining(["CRM_DEAL_DETAIL_TAB"]));
    expect((await call("placement.list", { SCOPE: "crm" })).body.result).not.toContain("USER_PROFILE_MENU");
    const full = (await call("placement.list", { FULL: true })).body.result as string[];
    expect(full).toContain("TASK_VIEW_TAB");
    expect(full).not.toContain("BIZPROC_ACTIVITY_PROPERTIES_DIALOG");
  });
});

describe("placement.unbind (placement-unbind.md)", () => {
  it("counts two for each binding removed (found, then deleted), narrows by HANDLER and USER_ID, and answers 0 for an unknown placement", async () => {
    await call("placement.bind", { PLACEMENT: "USER_PROFILE_TOOLBAR", HANDLER: `${HANDLER}?a` });
    await call("placement.bind", { PLACEMENT: "USER_PROFILE_TOOLBAR", HANDLER: `${HANDLER}?b` });
    expect((await call("placement.unbind", { PLACEMENT: "user_profile_toolbar", HANDLER: `${HANDLER}?a` })).body.result).toEqual({ count: 2 });
    expect((await call("placement.unbind", { PLACEMENT: "USER_PROFILE_TOOLBAR", USER_ID: 7 })).body.result).toEqual({ count: 0 });
    expect((await call("placement.unbind", { PLACEMENT: "USER_PROFILE_TOOLBAR" })).body.result).toEqual({ count: 2 });
    expect((await call("placement.unbind", { PLACEMENT: "NO_SUCH_PLACE" })).body.result).toEqual({ count: 0 });
    expect((await call("placement.unbind", {})).body).toMatchObject({ error: "ERROR_ARGUMENT", argument: "PLACEMENT" });
    const left = ((await call("placement.get", {})).body.result as Array<{ placement: string }>).map((r) => r.placement);
    expect(left).not.toContain("USER_PROFILE_TOOLBAR");
  });
});
