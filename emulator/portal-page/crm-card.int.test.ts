/**
 * The portal page's deal card (crm-card.ts, crm-actions.ts): the stage and its robots, adding a
 * robot an app registered, moving the deal (which runs the robot, as automation/run-robots.ts
 * posts it) and the related records with their holders; plus the control API's move.
 */
import { describe, expect, it } from "vitest";
import { CLIENT_ID, get, methodWorld, postJson } from "../testing/harness";
import { viewerCookieName } from "./viewer";

const { world, call } = methodWorld(["user", "crm", "task", "bizproc"]);
const portal = () => world().emu.store.portals.get("acme")!;

async function page(path: string, userId?: number): Promise<{ status: number; html: string }> {
  const res = await fetch(`${world().portalUrl}${path}`, { headers: userId ? { cookie: `${viewerCookieName(portal())}=${userId}` } : {} });
  return { status: res.status, html: await res.text() };
}

async function submit(path: string, fields: Record<string, string>, userId?: number, origin?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (userId) headers.cookie = `${viewerCookieName(portal())}=${userId}`;
  if (origin) headers.origin = origin;
  return fetch(`${world().portalUrl}${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString(), redirect: "manual" });
}

describe("the deal card", () => {
  it("adds a robot to a stage, moves the deal there (the robot's call goes out) and shows the run and the related records", async () => {
    await call("bizproc.robot.add", {
      CODE: "card_robot",
      HANDLER: `${world().app.url}/robot`,
      USE_SUBSCRIPTION: "Y",
      NAME: { en: "Card robot", de: "Kartenroboter" },
      PROPERTIES: { includeClosed: { Name: { en: "Closed ones too" }, Type: "bool", Default: "N" } },
    });
    const contact = (await call("crm.contact.add", { fields: { NAME: "Card", LAST_NAME: "Contact", ASSIGNED_BY_ID: 5 } })).body.result as number;
    const deal = (await call("crm.deal.add", { fields: { TITLE: "Card deal", CONTACT_ID: contact, ASSIGNED_BY_ID: 1 } })).body.result as number;
    await call("crm.activity.add", {
      fields: { OWNER_TYPE_ID: 2, OWNER_ID: deal, TYPE_ID: 2, SUBJECT: "Call back", RESPONSIBLE_ID: 5, COMMUNICATIONS: [{ VALUE: "+4912345" }] },
    });
    await call("tasks.task.add", { fields: { TITLE: "Send offer", RESPONSIBLE_ID: 5, UF_CRM_TASK: [`D_${deal}`] } });

    const card = await page(`/crm/deal/details/${deal}/`);
    expect(card.status).toBe(200);
    expect(card.html).toContain(`data-testid="crm-card" data-entity-type-id="2" data-id="${deal}" data-stage-id="NEW"`);
    expect(card.html).toContain('data-testid="add-robot" data-code="card_robot"');
    expect(card.html).toContain(`data-testid="related-contact" data-id="${contact}" data-holder="5"`);
    expect(card.html).toMatch(/data-testid="related-activity" data-id="\d+" data-holder="5"/);
    expect(card.html).toMatch(/data-testid="related-task" data-id="\d+" data-holder="5"/);

    const added = await submit("/_portal/crm/robot", {
      entityTypeId: "2",
      clientId: CLIENT_ID,
      code: "card_robot",
      stageId: "PREPARATION",
      prop_includeClosed: "Y",
      return: `/crm/deal/details/${deal}/`,
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe(`/crm/deal/details/${deal}/`);
    expect(portal().automation!.rules).toContainEqual(
      expect.objectContaining({ stageId: "PREPARATION", code: "card_robot", properties: { includeClosed: "Y" } }),
    );

    const before = world().app.received.filter((r) => r.path === "/robot").length;
    await submit("/_portal/crm/move", { entityTypeId: "2", id: String(deal), stageId: "PREPARATION", return: `/crm/deal/details/${deal}/` });
    for (let i = 0; i < 200 && world().app.received.filter((r) => r.path === "/robot").length === before; i++) await new Promise((r) => setTimeout(r, 25));
    const posted = world().app.received.filter((r) => r.path === "/robot")[before].body;
    expect(posted.get("document_id[2]")).toBe(`DEAL_${deal}`);
    expect(posted.get("properties[includeClosed]")).toBe("Y");
    const after = await page(`/crm/deal/details/${deal}/`, undefined);
    expect(after.html).toContain('data-stage-id="PREPARATION"');
    expect(after.html).toContain('data-testid="robot-run" data-status="waiting"');
    // The German viewer reads the robot's German name.
    expect((await page(`/crm/deal/details/${deal}/?lang=de`)).html).toContain("Kartenroboter");
  });

  it("lets only administrators change the robots, refuses a form from another origin, and 404s a missing record", async () => {
    const employee = [...portal().users.values()].find((u) => !u.admin && u.active)!;
    const refused = await submit(
      "/_portal/crm/robot",
      { entityTypeId: "2", clientId: CLIENT_ID, code: "card_robot", stageId: "NEW", return: "/crm/deal/details/1/" },
      employee.id,
    );
    expect(refused.headers.get("location")).toBe("/crm/deal/details/1/?notice=Administrators%20only");
    expect((await page("/crm/deal/details/1/", employee.id)).html).not.toContain('data-testid="add-robot"');
    const foreign = await submit("/_portal/crm/move", { id: "1", stageId: "WON" }, undefined, "https://evil.example.test");
    expect(foreign.status).toBe(403);
    expect((await page("/crm/deal/details/999999/")).status).toBe(404);
    expect((await page("/crm/deal/")).html).toContain('data-testid="crm-list"');
  });

  it("moves a deal through the control API as a user on its card would", async () => {
    const deal = (await call("crm.deal.add", { fields: { TITLE: "Moved by control" } })).body.result as number;
    const moved = await postJson(`${world().emu.httpUrl}/_emulator/portals/acme/automation/move`, {
      entityTypeId: 2,
      id: deal,
      stageId: "PREPARATION",
      userId: 1,
    });
    expect(moved.body.calls).toHaveLength(1);
    expect((await call("crm.deal.get", { id: deal })).body.result.STAGE_ID).toBe("PREPARATION");
    const wrong = await postJson(`${world().emu.httpUrl}/_emulator/portals/acme/automation/move`, { entityTypeId: 2, id: deal, stageId: "NO_SUCH" });
    expect(wrong.status).toBe(400);
    expect((await get(`${world().emu.httpUrl}/_emulator/portals/acme/automation?recordId=${deal}`)).body.calls).toHaveLength(1);
  });
});
