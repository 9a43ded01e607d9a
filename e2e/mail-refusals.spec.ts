/**
 * The extension API when the portal refuses (issue 20, point 7), over HTTP as the extension calls
 * it: a dismissed user's lookup is answered 401 `user_dismissed` and every session of theirs ends
 * (the sidebar explains the code: e2e/mail-extension.spec.ts); logging an e-mail to a deal deleted
 * since the lookup is answered 404 `record_gone` and nothing is logged. Both were 502 before.
 */
import { expect, test } from "@playwright/test";
import { connectExtensionOverHttp, extensionApi } from "./support/extension-session";
import { clientId, control, openInstalledPortal, queryAppDatabase } from "./support/stack-env";

const EMPLOYEE = 5;

test("portal refusals are 4xx the sidebar can explain: a dismissed user, a deleted record", async ({ page }) => {
  const { key, memberId } = await openInstalledPortal(page);
  const admin = await control<{ access_token: string; client_endpoint: string }>("POST", `/portals/${key}/tokens`, { clientId: clientId(), userId: 1 });
  const rest = async <T>(method: string, params: Record<string, unknown>) => {
    const res = await fetch(`${admin.client_endpoint}${method}.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...params, auth: admin.access_token }),
    });
    return ((await res.json()) as { result: T }).result;
  };

  // A deal deleted after the sidebar showed it: 404 record_gone, no activity, no "already logged" marker.
  const token = await connectExtensionOverHttp(key, EMPLOYEE);
  const email = `gone.${Date.now()}@gone-e2e.test`;
  const contactId = await rest<number>("crm.contact.add", { fields: { NAME: "Gone", EMAIL: [{ VALUE: email, VALUE_TYPE: "WORK" }], OPENED: "Y" } });
  const dealId = await rest<number>("crm.deal.add", { fields: { TITLE: "Deleted meanwhile", CONTACT_ID: contactId, OPENED: "Y" } });
  await rest("crm.deal.delete", { id: dealId });
  const messageId = `<gone-${Date.now()}@mail.example>`;
  const log = await extensionApi(token, "POST", "/api/extension/log-email", {
    messageId,
    subject: "Still there?",
    from: { email, name: "Gone" },
    to: [],
    cc: [],
    date: "2026-11-20T10:00:00Z",
    body: "Hello",
    direction: "incoming",
    target: { kind: "deal", id: dealId },
    communication: { kind: "contact", id: contactId, email },
  });
  expect(log.status).toBe(404);
  expect(await log.json()).toMatchObject({ error: "record_gone", message: expect.stringContaining("no longer exists") });
  const markers = `SELECT 1 FROM "MailLoggedEmail" m JOIN "Portal" p ON p."id" = m."portalId" WHERE p."memberId" = $1`;
  expect(await queryAppDatabase(markers, [memberId])).toHaveLength(0);

  // The user is dismissed: their next lookup is 401 user_dismissed, and every session of theirs ends.
  const second = await connectExtensionOverHttp(key, EMPLOYEE);
  await control("POST", `/portals/${key}/users/${EMPLOYEE}`, { active: false });
  const lookup = await extensionApi(token, "POST", "/api/extension/lookup", { participants: [{ email }] });
  expect(lookup.status).toBe(401);
  expect(await lookup.json()).toMatchObject({ error: "user_dismissed", message: expect.stringContaining("deactivated") });
  const other = await extensionApi(second, "GET", "/api/extension/session");
  expect(other.status).toBe(401);
  expect(await other.json()).toMatchObject({ error: "user_dismissed" });
  const rows = await queryAppDatabase<{ revokedReason: string | null }>(
    `SELECT s."revokedReason" FROM "ExtensionSession" s JOIN "Portal" p ON p."id" = s."portalId"
     WHERE p."memberId" = $1 AND s."userId" = $2 AND s."claimedAt" IS NOT NULL`,
    [memberId, EMPLOYEE],
  );
  expect(rows.map((r) => r.revokedReason)).toEqual(["dismissed", "dismissed"]);
});
