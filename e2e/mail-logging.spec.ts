/**
 * Logging an email once in the whole portal: two colleagues each have the thread in their own
 * mailbox, where Gmail gives its messages different ids, but each message's RFC 5322 Message-ID
 * is the same (the fixture's "Show original" pages). Any message of the thread can be logged, and
 * the CRM activity says which one it is. The first colleague logs the older message; the second
 * is told it is already logged (with the link), and logs the newer one.
 */
import { expect, test } from "@playwright/test";
import { startExtensionWorld, type ExtensionWorld } from "./support/extension-browser";
import { serveGmail, type FixtureThread } from "./fixtures/gmail/thread-page";
import { queryAppDatabase } from "./support/stack-env";

let world: ExtensionWorld;

test.beforeAll(async ({ browser }) => {
  world = await startExtensionWorld(browser);
});
test.afterAll(async () => {
  await world?.close();
});

test("one log per Message-ID across two users' mailboxes, any message of the thread, the activity naming it", async () => {
  test.setTimeout(180_000);
  const { rest } = world;
  const users = await rest<Array<{ ID: string; EMAIL: string }>>("user.get", { FILTER: { ID: [5, 3] } });
  const [ana, ben] = [5, 3].map((id) => users.find((u) => Number(u.ID) === id)!.EMAIL.toLowerCase());
  const stamp = Date.now();
  const contactEmail = `carla.client.${stamp}@client-e2e.test`;
  const contactId = await rest<number>("crm.contact.add", {
    fields: { NAME: "Carla", LAST_NAME: "Client", EMAIL: [{ VALUE: contactEmail, VALUE_TYPE: "WORK" }], OPENED: "Y" },
  });
  const dealId = await rest<number>("crm.deal.add", { fields: { TITLE: `Order ${stamp}`, CONTACT_ID: contactId, OPENED: "Y" } });
  const carla = { email: contactEmail, name: "Carla Client" };
  const first = { messageId: `<order-${stamp}.1@client-e2e.test>`, date: "Tue, Dec 1, 2026, 9:00 AM", body: `The order, first version ${stamp}` };
  const second = { messageId: `<order-${stamp}.2@client-e2e.test>`, date: "Wed, Dec 2, 2026, 10:00 AM", body: `The order, corrected ${stamp}` };
  // The same two messages in each mailbox, under that mailbox's own Gmail ids.
  const mailbox = (prefix: string): FixtureThread => ({
    id: "FMfcgzQXJWbNqTdLkLrMvOrd",
    subject: `Order ${stamp}`,
    messages: [first, second].map((m, i) => ({
      ...m,
      id: `${prefix}${stamp}${i}`,
      from: carla,
      to: [
        { email: ana, name: "Ana" },
        { email: ben, name: "Ben" },
      ],
      cc: [],
    })),
  });

  const logTo = async (account: string, thread: FixtureThread, pick: number, target: string) => {
    await serveGmail(world.context, account, [thread]);
    const gmail = await world.context.newPage();
    await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${thread.id}`);
    const card = gmail.getByTestId("staffsuite-panel").locator(`[data-email="${contactEmail}"]`);
    await expect(card).toHaveAttribute("data-kind", "crm");
    const picker = gmail.getByTestId("message-picker");
    await expect(picker.locator("option")).toHaveCount(2);
    await expect(picker).toHaveValue(`msg-f:${thread.messages[1].id}`); // the newest is chosen first
    await picker.selectOption({ index: pick });
    await card.locator(`[data-action="log-email"][data-target="${target}"]`).click();
    const status = card.getByRole("status");
    await expect(status).not.toBeEmpty();
    const said = (await status.textContent()) ?? "";
    const link = await status.getByRole("link").getAttribute("href");
    await gmail.close();
    return { said, link };
  };

  // Ana logs the older message to the deal.
  const popup = await world.connectAs(5);
  expect(await logTo(ana, mailbox("a"), 0, `deal:${dealId}`)).toMatchObject({ said: expect.stringContaining("Logged to Bitrix24") });
  const activities = () =>
    rest<Array<{ SUBJECT: string; DESCRIPTION: string; OWNER_TYPE_ID: string }>>("crm.activity.list", {
      filter: { OWNER_TYPE_ID: 2, OWNER_ID: dealId },
      select: ["ID", "SUBJECT", "DESCRIPTION", "OWNER_TYPE_ID"],
    });
  const [logged] = await activities();
  expect(logged.DESCRIPTION).toContain(`Message-ID: ${first.messageId}`);
  expect(logged.DESCRIPTION).toContain(first.body);
  expect(logged.DESCRIPTION).not.toContain(second.body);

  // Ben, in his own mailbox, tries the same message (to the contact): already logged, with the link to the deal.
  await popup.locator("#disconnect").click();
  await expect(popup.getByRole("status")).toContainText("Disconnected");
  await popup.close();
  await world.connectAs(3);
  const again = await logTo(ben, mailbox("b"), 0, `contact:${contactId}`);
  expect(again.said).toContain("Already logged");
  expect(again.link).toMatch(new RegExp(`/crm/deal/details/${dealId}/`));
  // The newer message is another email: it is logged.
  expect((await logTo(ben, mailbox("b"), 1, `deal:${dealId}`)).said).toContain("Logged to Bitrix24");
  const all = await activities();
  expect(all.filter((a) => a.DESCRIPTION.includes(first.messageId))).toHaveLength(1);
  expect(all.filter((a) => a.DESCRIPTION.includes(second.messageId))).toHaveLength(1);
  const markers = await queryAppDatabase(
    `SELECT m."userId" FROM "MailLoggedEmail" m JOIN "Portal" p ON p."id" = m."portalId" WHERE p."memberId" = $1 ORDER BY m."createdAt"`,
    [world.memberId],
  );
  expect(markers.map((m) => m.userId)).toEqual([5, 3]);
});
