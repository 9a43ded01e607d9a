/**
 * Conformance of the bizproc robot family and the robot calls CRM automation makes.
 * Doc pages: b24restdocs api-reference/bizproc/bizproc-robot/bizproc-robot-add.md, -update.md,
 * -delete.md, -list.md, bizproc-event-send.md, bizproc-activity/bizproc-activity-log.md,
 * common/events/on-app-update.md. Server source (avshatalov48/bitrix24-core-corp):
 * modules/bizproc/lib/restservice.php (validation, errors, app update) and
 * modules/bizproc/activities/bitrix/restactivity/restactivity.php (what a call posts, event_token).
 */
import { describe, expect, it } from "vitest";
import { CLIENT_ID, methodWorld, narrowToken, postJson, get, type RestAnswer } from "../../testing/harness";

const { world, call } = methodWorld(["user", "crm", "task", "bizproc", "placement"]);

const control = (method: "GET" | "POST" | "DELETE", path: string, body?: object) =>
  method === "GET" ? get(`${world().emu.httpUrl}/_emulator/${path}`) : postJson(`${world().emu.httpUrl}/_emulator/${path}`, body ?? {});
const robotUrl = (path = "/robot") => `${world().app.url}${path}`;
const employee = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active)!;

const ROBOT = {
  CODE: "hand_over",
  HANDLER: "",
  AUTH_USER_ID: 1,
  USE_SUBSCRIPTION: "Y",
  NAME: { en: "Hand over related records", de: "Verknüpfte Datensätze übergeben" },
  PROPERTIES: {
    moveContact: { Name: { en: "Contact" }, Type: "bool", Default: "Y" },
    includeClosed: { Name: "Closed ones too", Type: "bool", Default: "N" },
  },
  RETURN_PROPERTIES: { movedCount: { Name: "Moved", Type: "int" } },
  FILTER: {
    INCLUDE: [
      ["crm", "CCrmDocumentDeal"],
      ["crm", "CCrmDocumentLead"],
    ],
  },
};

async function register(overrides: object = {}): Promise<RestAnswer> {
  return call("bizproc.robot.add", { ...ROBOT, HANDLER: robotUrl(), ...overrides });
}

/** The robot calls the app server received so far (form bodies). */
const robotPosts = () =>
  world()
    .app.received.filter((r) => r.path === "/robot")
    .map((r) => r.body);

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function newDeal(): Promise<number> {
  return (await call("crm.deal.add", { fields: { TITLE: "Robot deal", CATEGORY_ID: 0 } })).body.result as number;
}

describe("bizproc.robot.add / list / update / delete (bizproc-robot-*.md)", () => {
  it("registers a robot once per code, lists the app's codes and deletes it", async () => {
    expect(await register({ CODE: "first" })).toMatchObject({ status: 200, body: { result: true } });
    expect((await register({ CODE: "first" })).body).toEqual({
      error: "ERROR_ACTIVITY_ALREADY_INSTALLED",
      error_description: "Activity or Robot already installed!",
    });
    expect((await call("bizproc.robot.list", {})).body.result).toEqual(["first"]);
    expect((await call("bizproc.robot.delete", { code: "first" })).body.result).toBe(true);
    expect((await call("bizproc.robot.delete", { CODE: "first" })).body).toMatchObject({
      error: "ERROR_ACTIVITY_NOT_FOUND",
      error_description: "Activity or Robot not found!",
    });
    expect((await call("bizproc.robot.list", {})).body.result).toEqual([]);
  });

  it("refuses what restservice.php validates, with its codes and sentences", async () => {
    const cases: Array<[object, string, string]> = [
      [{ CODE: "" }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty activity code!"],
      [{ CODE: "bad code!" }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity code!"],
      [{ HANDLER: "ftp://app.example.test/robot" }, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol"],
      [{ HANDLER: "https://elsewhere.example.test/robot" }, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL"],
      [{ NAME: "" }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty activity NAME!"],
      [{ PROPERTIES: { "1st": { Name: "x", Type: "bool" } } }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong property key (1st)!"],
      [{ RETURN_PROPERTIES: { out: { Type: "int" } } }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Empty property NAME (out)!"],
      [{ PROPERTIES: "none" }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong properties array!"],
      [{ FILTER: "deals" }, "ERROR_ACTIVITY_VALIDATION_FAILURE", "Wrong activity FILTER!"],
    ];
    for (const [params, error, description] of cases) {
      expect((await register({ CODE: "checked", ...params })).body, JSON.stringify(params)).toEqual({ error, error_description: description });
    }
    expect((await call("bizproc.robot.list", {})).body.result).toEqual([]);
  });

  it("is for administrators in an app's context: an employee and a webhook are ACCESS_DENIED 403; no bizproc scope, insufficient_scope", async () => {
    for (const method of ["bizproc.robot.add", "bizproc.robot.list", "bizproc.robot.update", "bizproc.robot.delete"]) {
      expect(await call(method, { ...ROBOT, HANDLER: robotUrl() }, employee().id), method).toMatchObject({
        status: 403,
        body: { error: "ACCESS_DENIED", error_description: "Access denied!" },
      });
    }
    const hook = await control("POST", "portals/acme/webhooks", { userId: 1, scopes: ["bizproc"] });
    expect(await postJson(`${hook.body.url}bizproc.robot.list`, {})).toMatchObject({
      status: 403,
      body: { error: "ACCESS_DENIED", error_description: "Application context required" },
    });
    const narrow = await narrowToken(world(), ["crm"]);
    expect((await postJson(`${world().rest}bizproc.robot.list`, { auth: narrow })).body.error).toBe("insufficient_scope");
  });

  it("updates only the FIELDS given; answers 'No fields to update' without any; USE_PLACEMENT binds a private placement", async () => {
    await register({ CODE: "upd", USE_PLACEMENT: "Y", PLACEMENT_HANDLER: robotUrl("/settings") });
    // The robot's settings slider is private: placement.get does not list it (placement.php).
    expect((await call("placement.get", {})).body.result).toEqual([]);
    expect((await call("bizproc.robot.update", { CODE: "upd" })).body.error_description).toBe("No fields to update");
    expect((await call("bizproc.robot.update", { CODE: "upd", FIELDS: { COLOR: "red" } })).body.error_description).toBe("No fields to update");
    expect((await call("bizproc.robot.update", { CODE: "nope", FIELDS: { NAME: "x" } })).body.error).toBe("ERROR_ACTIVITY_NOT_FOUND");
    expect((await call("bizproc.robot.update", { CODE: "upd", FIELDS: { USE_SUBSCRIPTION: "N", NAME: "Renamed" } })).body.result).toBe(true);
    const stored = (await control("GET", "portals/acme/automation")).body.robots.find((r: { code: string }) => r.code === "upd");
    expect(stored).toMatchObject({ code: "upd", useSubscription: "N", name: "Renamed", handler: robotUrl(), authUserId: 1, usePlacement: "Y" });
    // Property codes keep their case, the keys inside them are upper-cased (prepareActivityData).
    expect(stored.properties.moveContact).toEqual({ NAME: { EN: "Contact" }, TYPE: "bool", DEFAULT: "Y" });
    await call("bizproc.robot.delete", { CODE: "upd" });
  });
});

describe("robots on a stage: the call, bizproc.event.send (bizproc-event-send.md, restactivity.php)", () => {
  it("posts the documented fields when a deal enters the stage, and bizproc.event.send completes the call with the return values", async () => {
    await register();
    const rule = (
      await control("POST", "portals/acme/automation/rules", {
        entityTypeId: 2,
        stageId: "PREPARATION",
        clientId: CLIENT_ID,
        code: "hand_over",
        properties: { includeClosed: "Y" },
      })
    ).body;
    const dealId = await newDeal();
    const before = robotPosts().length;
    expect((await call("crm.deal.update", { id: dealId, fields: { STAGE_ID: "PREPARATION" } })).body.result).toBe(true);
    const posted = await waitFor(() => robotPosts()[before], "the robot call");
    expect(Object.fromEntries(posted)).toMatchObject({
      code: "hand_over",
      "document_id[0]": "crm",
      "document_id[1]": "CCrmDocumentDeal",
      "document_id[2]": `DEAL_${dealId}`,
      "document_type[2]": "DEAL",
      "properties[moveContact]": "Y",
      "properties[includeClosed]": "Y",
      use_subscription: "Y",
      "auth[member_id]": world().emu.store.portals.get("acme")!.memberId,
      "auth[application_token]": world().emu.store.portals.get("acme")!.installs.get(CLIENT_ID)!.applicationToken,
    });
    expect(posted.get("workflow_id")).toMatch(/^[0-9a-f]{14}\.\d{8}$/);
    expect(posted.has("auth[refresh_token]")).toBe(false);
    // The call's token is the robot's AUTH_USER_ID's.
    expect((await postJson(`${world().rest}profile`, { auth: posted.get("auth[access_token]") })).body.result.ID).toBe("1");
    const waiting = (await control("GET", `portals/acme/automation?recordId=${dealId}`)).body.calls;
    expect(waiting).toMatchObject([{ ruleId: rule.id, status: "waiting", stageId: "PREPARATION" }]);

    const token = posted.get("event_token") ?? "";
    expect((await call("bizproc.activity.log", { event_token: token })).body.error).toBe("ERROR_EMPTY_LOG_MESSAGE");
    expect((await call("bizproc.activity.log", { event_token: token, log_message: "Working" })).body.result).toBe(true);
    // Any user may answer; values outside RETURN_PROPERTIES are dropped, names matched in any case.
    const sent = await call("bizproc.event.send", { event_token: token, return_values: { MOVEDCOUNT: 4, secret: "x" }, log_message: "Moved 4" }, employee().id);
    expect(sent.body.result).toBe(true);
    const done = (await control("GET", `portals/acme/automation?recordId=${dealId}`)).body.calls[0];
    expect(done).toMatchObject({ status: "completed", returnValues: { movedCount: 4 }, log: ["Working", "Moved 4"] });
    // The workflow has ended: the runtime no longer finds it.
    expect((await call("bizproc.event.send", { event_token: token })).body.error).toBe("ERROR_CORE");
    const forged = `${token.slice(0, -4)}0000`;
    expect(await call("bizproc.event.send", { event_token: forged })).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    await control("DELETE", `portals/acme/automation/rules/${rule.id}`);
    await call("bizproc.robot.delete", { CODE: "hand_over" });
  });

  it("runs on crm.item.update and on leads, not again for the same stage; a robot for deals only cannot be put on a lead stage; USE_SUBSCRIPTION=N is done once sent", async () => {
    await register({ CODE: "quick", USE_SUBSCRIPTION: "N" });
    await register({ CODE: "deals_only", FILTER: { INCLUDE: [["crm", "CCrmDocumentDeal"]] } });
    const refused = await control("POST", "portals/acme/automation/rules", { entityTypeId: 1, stageId: "IN_PROCESS", clientId: CLIENT_ID, code: "deals_only" });
    expect(refused.status).toBe(400);
    await control("POST", "portals/acme/automation/rules", { entityTypeId: 1, stageId: "IN_PROCESS", clientId: CLIENT_ID, code: "quick" });
    await control("POST", "portals/acme/automation/rules", { entityTypeId: 2, stageId: "EXECUTING", clientId: CLIENT_ID, code: "quick" });
    const lead = (await call("crm.lead.add", { fields: { TITLE: "Robot lead" } })).body.result as number;
    const dealId = await newDeal();
    const before = robotPosts().length;
    await call("crm.lead.update", { id: lead, fields: { STATUS_ID: "IN_PROCESS" } });
    await call("crm.item.update", { entityTypeId: 2, id: dealId, fields: { stageId: "EXECUTING" } });
    await call("crm.item.update", { entityTypeId: 2, id: dealId, fields: { stageId: "EXECUTING", title: "Same stage" } });
    await waitFor(() => (robotPosts().length >= before + 2 ? true : undefined), "two robot calls");
    const bodies = robotPosts().slice(before);
    expect(bodies.map((b) => b.get("document_id[2]")).sort()).toEqual([`DEAL_${dealId}`, `LEAD_${lead}`].sort());
    const calls = (await control("GET", "portals/acme/automation")).body.calls.filter((c: { code: string }) => c.code === "quick");
    expect(calls.map((c: { status: string }) => c.status)).toEqual(["completed", "completed"]);
  });
});

describe("an app update drops its robots (restservice.php onRestAppUpdate, on-app-update.md)", () => {
  it("sends ONAPPUPDATE with both versions; a robot left on a stage fails until the app registers it again", async () => {
    await call("event.bind", { event: "ONAPPUPDATE", handler: robotUrl("/events") });
    await register({ CODE: "survivor" });
    await control("POST", "portals/acme/automation/rules", { entityTypeId: 2, stageId: "FINAL_INVOICE", clientId: CLIENT_ID, code: "survivor" });
    const updated = (await control("POST", "portals/acme/app-update", { clientId: CLIENT_ID, userId: 1 })).body;
    expect(updated.deliveries).toHaveLength(1);
    expect(updated.deliveries[0].body).toMatchObject({ event: "ONAPPUPDATE", "data[VERSION]": "2", "data[PREVIOUS_VERSION]": "1" });
    expect((await call("bizproc.robot.list", {})).body.result).toEqual([]);

    const dealId = await newDeal();
    await call("crm.deal.update", { id: dealId, fields: { STAGE_ID: "FINAL_INVOICE" } });
    const failed = (await control("GET", `portals/acme/automation?recordId=${dealId}`)).body.calls;
    expect(failed).toMatchObject([{ code: "survivor", status: "failed", deliveryId: null }]);

    await register({ CODE: "survivor" });
    const again = await newDeal();
    const before = robotPosts().length;
    await call("crm.deal.update", { id: again, fields: { STAGE_ID: "FINAL_INVOICE" } });
    expect((await waitFor(() => robotPosts()[before], "the call after re-registering")).get("document_id[2]")).toBe(`DEAL_${again}`);
  });
});
