/**
 * The Mail backend against the emulator over HTTP and a real PostgreSQL: the OAuth connect flow
 * and session claim, token checks (forged, expired, revoked, claimed twice, another user's), the
 * one-batch lookup, creating with the duplicate check, logging an e-mail once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { resetLimiters } from "../bitrix24";
import { ADMIN_ID, CLIENT_ID, CLIENT_SECRET, createWorld, type World } from "../../test/support/emulator-world";
import { hashToken } from "../crypto";
import { describeError } from "../errors";
import {
  authenticate,
  challengeOf,
  claimSession,
  createRecord,
  finishConnect,
  logEmail,
  lookupParticipants,
  lookupSchema,
  portalContext,
  revokeSession,
  revokeUsersSessions,
  explainRefusal,
  endUninstalledSession,
  logEmailSchema,
  uninstalledSchema,
  uninstallUrl,
  startConnect,
  MailUnauthorizedError,
  RecordGoneError,
  SessionEndedError,
  type MailDeps,
} from ".";
import { revokePortalSession } from "./revocation";

let db: TestDatabase;
let world: World;
let deps: MailDeps;
let clock = Date.now();
const EMPLOYEE = 5;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await createWorld({ prisma: db.prisma, seedUsers: 30 });
  deps = {
    prisma: db.prisma,
    clients: world.factory,
    tokens: world.tokens,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    appUrl: "http://127.0.0.1:9",
    secret: "test-secret-for-mail-0123456789",
    now: () => clock,
  };
});

afterAll(async () => {
  await world?.close();
  await db?.drop();
  resetLimiters();
});

/** The whole connect flow as the browser would run it: start → portal consent → callback → claim. */
async function connect(userId: number, verifier = `verifier-${userId}-${"x".repeat(40)}`) {
  const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
  const authorize = new URL(
    await startConnect(deps, { portal: `${portal.protocol}://${portal.domain}/`, challenge: challengeOf(verifier), label: "Test browser" }),
  );
  expect(authorize.pathname.endsWith("/oauth/authorize/")).toBe(true);
  const consent = await fetch(authorize, {
    method: "POST",
    body: new URLSearchParams({ user_id: String(userId) }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get("location")!);
  expect(back.pathname).toBe("/api/extension/connect/callback");
  const { claimCode } = await finishConnect(deps, {
    code: back.searchParams.get("code")!,
    state: back.searchParams.get("state")!,
    member_id: back.searchParams.get("member_id")!,
  });
  return { claimCode, verifier, ...(await claimSession(deps, { code: claimCode, verifier })) };
}

describe("connect and sessions", () => {
  it("connects through the portal's OAuth and stores only hashes", async () => {
    const s = await connect(EMPLOYEE);
    expect(s.auth).toMatchObject({ portalId: world.portalId, userId: EMPLOYEE });
    const row = await db.prisma.extensionSession.findUniqueOrThrow({ where: { id: s.auth.sessionId } });
    expect(row.tokenHash).toBe(hashToken(s.token));
    expect(JSON.stringify(row)).not.toContain(s.token);
    expect(row.expiresAt.getTime()).toBeGreaterThan(clock + 29 * 24 * 3600 * 1000);
    expect(await authenticate(deps, `Bearer ${s.token}`)).toMatchObject({ userId: EMPLOYEE, portalId: world.portalId });
    // The user's own tokens were stored (encrypted) for calls on their behalf.
    expect(await db.prisma.portalToken.count({ where: { portalId: world.portalId, userId: EMPLOYEE } })).toBe(1);
  });

  it("refuses a claim code used twice or with the wrong verifier", async () => {
    const s = await connect(EMPLOYEE);
    await expect(claimSession(deps, { code: s.claimCode, verifier: s.verifier })).rejects.toBeInstanceOf(MailUnauthorizedError);
    const portal = await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } });
    const url = new URL(await startConnect(deps, { portal: portal.domain, challenge: challengeOf("a".repeat(43)), label: "x" }));
    const consent = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ user_id: String(EMPLOYEE) }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    const back = new URL(consent.headers.get("location")!);
    const { claimCode } = await finishConnect(deps, { code: back.searchParams.get("code")!, state: back.searchParams.get("state")! });
    await expect(claimSession(deps, { code: claimCode, verifier: "b".repeat(43) })).rejects.toBeInstanceOf(MailUnauthorizedError);
  });

  it("refuses a forged state", async () => {
    const good = new URL(
      await startConnect(deps, {
        portal: (await db.prisma.portal.findUniqueOrThrow({ where: { id: world.portalId } })).domain,
        challenge: challengeOf("c".repeat(43)),
        label: "x",
      }),
    );
    const state = good.searchParams.get("state")!;
    const [body] = state.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), c: "evil" })).toString("base64url");
    await expect(finishConnect(deps, { code: "whatever", state: `${forged}.${state.split(".")[1]}` })).rejects.toBeInstanceOf(MailUnauthorizedError);
  });

  it("answers 401 to forged, expired and revoked tokens", async () => {
    const s = await connect(EMPLOYEE);
    await expect(authenticate(deps, null)).rejects.toBeInstanceOf(MailUnauthorizedError);
    await expect(authenticate(deps, "Bearer " + "A".repeat(43))).rejects.toBeInstanceOf(MailUnauthorizedError);
    await expect(authenticate(deps, `Bearer ${s.token}x`)).rejects.toBeInstanceOf(MailUnauthorizedError);
    // A pending (unclaimed) row's claim code is no bearer token either.
    const saved = clock;
    clock += 31 * 24 * 3600 * 1000;
    await expect(authenticate(deps, `Bearer ${s.token}`)).rejects.toBeInstanceOf(MailUnauthorizedError);
    clock = saved;
    expect(await authenticate(deps, `Bearer ${s.token}`)).toMatchObject({ userId: EMPLOYEE });
    expect(await revokeSession(deps, s.auth, s.auth.sessionId)).toBe(true);
    // Revoked: a 401 that says who ended it (below).
    await expect(authenticate(deps, `Bearer ${s.token}`)).rejects.toSatisfy((e) => describeError(e).status === 401 && e instanceof SessionEndedError);
  });

  it("answers each of many requests of the same moment with its own session (they share one read)", async () => {
    const [a, b] = [await connect(EMPLOYEE), await connect(ADMIN_ID)];
    const asked = [a.token, b.token, a.token, "Z".repeat(43), b.token];
    const answers = await Promise.allSettled(asked.map((t) => authenticate(deps, `Bearer ${t}`)));
    expect(answers.map((r) => (r.status === "fulfilled" ? r.value.userId : "401"))).toEqual([EMPLOYEE, ADMIN_ID, EMPLOYEE, "401", ADMIN_ID]);
    expect(answers[0].status === "fulfilled" && answers[0].value.portal).toMatchObject({ id: world.portalId, lang: expect.any(String) });
  });

  it("tells a session's next request who ended it: its user, an administrator, a dismissal; the extension itself says nothing", async () => {
    const endedBy = async (end: (s: Awaited<ReturnType<typeof connect>>) => Promise<unknown>) => {
      const s = await connect(EMPLOYEE);
      await authenticate(deps, `Bearer ${s.token}`); // reused for two seconds: a revoke must drop it
      await end(s);
      const refused = await authenticate(deps, `Bearer ${s.token}`).then(
        () => null,
        (e: unknown) => e,
      );
      return refused instanceof SessionEndedError ? refused.code : refused instanceof MailUnauthorizedError ? "unauthorized" : refused;
    };
    expect(await endedBy((s) => revokeSession(deps, s.auth, s.auth.sessionId))).toBe("session_revoked");
    expect(await endedBy((s) => revokeSession(deps, s.auth, s.auth.sessionId, "disconnected"))).toBe("unauthorized");
    expect(await endedBy((s) => revokePortalSession(deps, world.portalId, s.auth.sessionId))).toBe("session_revoked_by_admin");
    expect(await endedBy((s) => revokeUsersSessions(deps, world.portalId, [s.auth.userId], "dismissed"))).toBe("user_dismissed");
    // An administrator's revoke reaches only their own portal's sessions.
    const s = await connect(EMPLOYEE);
    expect(await revokePortalSession(deps, "another-portal", s.auth.sessionId)).toBe(false);
    expect(await authenticate(deps, `Bearer ${s.token}`)).toMatchObject({ userId: EMPLOYEE });
  });

  it("when the portal refuses a dismissed user, ends all their sessions; a user still active is told to connect again", async () => {
    const DISMISSED = 9;
    const [a, b] = [await connect(DISMISSED), await connect(DISMISSED)];
    const refused = await portalContext(deps, a.auth).then(({ client }) => client.call("profile"));
    expect(refused).toBeDefined(); // still active: the portal answers
    await world.control("POST", `portals/${world.portalKey}/users/${DISMISSED}`, { active: false });
    const error = await portalContext(deps, a.auth)
      .then(({ client }) => client.call("profile"))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    const explained = await explainRefusal(deps, a.auth, error);
    expect(explained).toBeInstanceOf(SessionEndedError);
    expect((explained as SessionEndedError).code).toBe("user_dismissed");
    await expect(authenticate(deps, `Bearer ${b.token}`)).rejects.toMatchObject({ code: "user_dismissed" });
    // Anything else passes through unchanged; a refused token of an active user reads "connect again".
    const other = new Error("boom");
    expect(await explainRefusal(deps, { portalId: world.portalId, userId: EMPLOYEE }, other)).toBe(other);
    await world.control("POST", `portals/${world.portalKey}/users/${DISMISSED}`, { active: true });
    expect(await explainRefusal(deps, a.auth, error)).toMatchObject({ code: "USER_TOKEN_DEAD" });
  });

  it("ends a session when Chrome opens its uninstall address, once, and only with its own code", async () => {
    const s = await connect(EMPLOYEE);
    const other = await connect(EMPLOYEE);
    const url = new URL(uninstallUrl("http://app.test", s.auth.sessionId, s.uninstallCode));
    const input = uninstalledSchema.parse(Object.fromEntries(url.searchParams));
    // Another session's code does not end this one.
    expect(await endUninstalledSession(deps, { ...input, c: other.uninstallCode })).toMatchObject({ ended: false });
    expect(await authenticate(deps, `Bearer ${s.token}`)).toMatchObject({ userId: EMPLOYEE });
    expect(await endUninstalledSession(deps, input)).toEqual({ ended: true, lang: expect.any(String) });
    await expect(authenticate(deps, `Bearer ${s.token}`)).rejects.toBeInstanceOf(MailUnauthorizedError);
    expect(await endUninstalledSession(deps, input)).toMatchObject({ ended: false });
    const row = await db.prisma.extensionSession.findUniqueOrThrow({ where: { id: s.auth.sessionId } });
    expect(row).toMatchObject({ revokedReason: "uninstalled", uninstallCodeHash: null });
    expect(await authenticate(deps, `Bearer ${other.token}`)).toMatchObject({ userId: EMPLOYEE });
    expect(uninstalledSchema.safeParse({ s: "x\u0000", c: "y" }).success).toBe(false);
  });

  it("does not let one user revoke another's session", async () => {
    const mine = await connect(EMPLOYEE);
    const theirs = await connect(ADMIN_ID);
    expect(await revokeSession(deps, mine.auth, theirs.auth.sessionId)).toBe(false);
    expect(await authenticate(deps, `Bearer ${theirs.token}`)).toMatchObject({ userId: ADMIN_ID });
  });
});

describe("lookup, create, log", () => {
  let contactEmail = "";
  let contactId = 0;
  let dealId = 0;
  let colleagueEmail = "";

  beforeAll(async () => {
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    contactEmail = `buyer.${Date.now()}@globex-industries.test`;
    contactId = Number(
      (await admin.call("crm.contact.add", { fields: { NAME: "Gina", LAST_NAME: "Buyer", EMAIL: [{ VALUE: contactEmail, VALUE_TYPE: "WORK" }], OPENED: "Y" } }))
        .result,
    );
    dealId = Number((await admin.call("crm.deal.add", { fields: { TITLE: "Globex renewal", CONTACT_ID: contactId, OPENED: "Y" } })).result);
    const users = (await admin.call<Array<{ EMAIL: string }>>("user.get", { FILTER: { ID: 3 } })).result;
    colleagueEmail = users[0].EMAIL.toLowerCase();
  });

  it("takes participants' addresses only: a name sent along is dropped before anything uses it", () => {
    expect(lookupSchema.parse({ participants: [{ email: " Gina@Example.test ", name: "Gina Buyer" }] })).toEqual({
      participants: [{ email: "gina@example.test" }],
    });
  });

  it("resolves a colleague, a contact with an open deal and a stranger in one batch request", async () => {
    const s = await connect(EMPLOYEE);
    const { portal, client } = await portalContext(deps, s.auth);
    await lookupParticipants(client, portal, { participants: [{ email: "warm-up@nowhere.test" }] }); // fills the department cache
    await world.control("DELETE", "calls");
    const result = await lookupParticipants(client, portal, {
      participants: [{ email: colleagueEmail }, { email: contactEmail }, { email: "stranger@unknown-domain.test" }],
    });
    const calls = (await world.calls()).filter((c) => !c.inBatch);
    expect(calls.map((c) => c.method)).toEqual(["batch"]);
    expect(calls[0].userId).toBe(EMPLOYEE);
    expect(result[0]).toMatchObject({ kind: "colleague", colleague: { id: 3 } });
    expect(result[0].colleague!.departments.length).toBeGreaterThan(0);
    expect(result[1]).toMatchObject({ kind: "crm", contacts: [{ id: contactId, name: "Gina Buyer" }] });
    expect(result[1].contacts[0].deals.map((d) => d.id)).toContain(dealId);
    expect(result[1].contacts[0].url).toContain(`/crm/contact/details/${contactId}/`);
    expect(result[2]).toMatchObject({ kind: "unknown", contacts: [], leads: [], companies: [] });
  });

  it("warns about a duplicate before creating, creates when told to", async () => {
    const s = await connect(EMPLOYEE);
    const { portal, client } = await portalContext(deps, s.auth);
    const warned = await createRecord(client, portal, EMPLOYEE, {
      kind: "lead",
      email: contactEmail,
      name: "Gina",
      lastName: "Buyer",
      phone: "",
      title: "From Gmail",
      force: false,
    });
    expect("duplicates" in warned && warned.duplicates).toContainEqual(expect.objectContaining({ kind: "contact", id: contactId, reason: "email" }));
    const outcome = await createRecord(client, portal, EMPLOYEE, {
      kind: "lead",
      email: contactEmail,
      name: "Gina",
      lastName: "Buyer",
      phone: "",
      title: "From Gmail",
      force: true,
    });
    if (!("created" in outcome)) throw new Error("expected a new lead");
    const created = outcome.created;
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const lead = (await admin.call<Record<string, unknown>>("crm.lead.get", { id: created.id })).result;
    expect(lead).toMatchObject({ TITLE: "From Gmail", ASSIGNED_BY_ID: String(EMPLOYEE) });
  });

  it("warns about a contact with the same phone, and stores the phone when told to create", async () => {
    const s = await connect(EMPLOYEE);
    const { portal, client } = await portalContext(deps, s.auth);
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const stamp = String(Date.now()).slice(-7);
    const known = Number(
      (await admin.call("crm.contact.add", { fields: { NAME: "Pat", LAST_NAME: `Phone${stamp}`, PHONE: [{ VALUE: `+49 30 ${stamp}`, VALUE_TYPE: "WORK" }] } }))
        .result,
    );
    const input = { kind: "contact" as const, email: `pat.${stamp}@gmail.com`, name: "", lastName: "", phone: `+49 (30) ${stamp}`, force: false };
    const warned = await createRecord(client, portal, EMPLOYEE, input);
    expect("duplicates" in warned && warned.duplicates).toEqual([expect.objectContaining({ kind: "contact", id: known, reason: "phone" })]);
    const made = await createRecord(client, portal, EMPLOYEE, { ...input, force: true });
    if (!("created" in made)) throw new Error("expected a new contact");
    const contact = (await admin.call<{ PHONE?: Array<{ VALUE: string }> }>("crm.contact.get", { id: made.created.id })).result;
    expect(contact.PHONE?.map((p) => p.VALUE)).toEqual([`+49 (30) ${stamp}`]);
  });

  it("logs an e-mail as an activity once, keeping only the message-id hash", async () => {
    const s = await connect(EMPLOYEE);
    const { portal, client } = await portalContext(deps, s.auth);
    const input = {
      messageId: `<thread-1-${Date.now()}@mail.gmail.com>`,
      subject: "Renewal terms",
      from: { email: contactEmail, name: "Gina Buyer" },
      to: [{ email: colleagueEmail, name: "" }],
      cc: [],
      date: "2026-11-20T10:00:00Z",
      body: "Hello, here are the terms.",
      direction: "incoming" as const,
      target: { kind: "deal" as const, id: dealId },
      communication: { kind: "contact" as const, id: contactId, email: contactEmail },
    };
    const first = await logEmail(deps, client, portal, EMPLOYEE, input);
    if (!("logged" in first)) throw new Error("expected the e-mail to be logged");
    const logged = first.logged;
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const activity = (await admin.call<Record<string, unknown>>("crm.activity.get", { id: logged.activityId })).result;
    // Written with the session user's own token (AUTHOR_ID is whoever called), not an admin's.
    expect(activity).toMatchObject({
      TYPE_ID: "4",
      OWNER_TYPE_ID: "2",
      OWNER_ID: String(dealId),
      SUBJECT: "Renewal terms",
      DIRECTION: "1",
      COMPLETED: "Y",
      RESPONSIBLE_ID: String(EMPLOYEE),
      AUTHOR_ID: String(EMPLOYEE),
    });
    expect(String(activity.DESCRIPTION)).toContain("here are the terms");
    // Which message it was: its Message-ID, the key of "already logged" in every mailbox.
    expect(String(activity.DESCRIPTION)).toContain(`Message-ID: ${input.messageId}`);
    expect(await logEmail(deps, client, portal, EMPLOYEE, input)).toEqual({
      alreadyLogged: { link: expect.stringContaining(`/crm/deal/details/${dealId}/`), loggedAt: expect.any(String) },
    });
    const rows = await db.prisma.mailLoggedEmail.findMany({ where: { portalId: world.portalId } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("thread-1");

    // An outgoing e-mail is added not completed, then completed (so the portal does not send it).
    const out = await logEmail(deps, client, portal, EMPLOYEE, {
      ...input,
      messageId: `<out-${Date.now()}@x>`,
      direction: "outgoing",
      from: { email: colleagueEmail, name: "" },
      to: [{ email: contactEmail, name: "" }],
    });
    if (!("logged" in out)) throw new Error("expected the e-mail to be logged");
    const sent = (await admin.call<Record<string, unknown>>("crm.activity.get", { id: out.logged.activityId })).result;
    expect(sent).toMatchObject({ DIRECTION: "2", COMPLETED: "Y" });
  });

  it("keys logging on the RFC 5322 Message-ID: Gmail's per-mailbox ids are refused", () => {
    const base = {
      subject: "",
      from: { email: "a@b.test" },
      date: "2026-11-20T10:00:00Z",
      direction: "incoming",
      target: { kind: "deal", id: 1 },
      communication: { kind: "contact", id: 1, email: "a@b.test" },
    };
    expect(logEmailSchema.safeParse({ ...base, messageId: "18c1a2b3c4d5e6f7" }).success).toBe(false);
    expect(logEmailSchema.safeParse({ ...base, messageId: "#msg-f:1790000000000000001" }).success).toBe(false);
    expect(logEmailSchema.parse({ ...base, messageId: " <CAF+x=y@mail.gmail.com> " }).messageId).toBe("<CAF+x=y@mail.gmail.com>");
  });

  it("refuses to log to a record deleted since the lookup, creating nothing and keeping no marker", async () => {
    const s = await connect(EMPLOYEE);
    const { portal, client } = await portalContext(deps, s.auth);
    const admin = await world.factory.clientFor(world.portalId, { userId: ADMIN_ID });
    const gone = Number((await admin.call("crm.deal.add", { fields: { TITLE: "Deleted meanwhile", CONTACT_ID: contactId, OPENED: "Y" } })).result);
    await admin.call("crm.deal.delete", { id: gone });
    await world.control("DELETE", "calls");
    const input = {
      messageId: `<gone-${Date.now()}@x>`,
      subject: "Still there?",
      from: { email: contactEmail, name: "" },
      to: [],
      cc: [],
      date: "2026-11-20T10:00:00Z",
      body: "",
      direction: "incoming" as const,
      target: { kind: "deal" as const, id: gone },
      communication: { kind: "contact" as const, id: contactId, email: contactEmail },
    };
    await expect(logEmail(deps, client, portal, EMPLOYEE, input)).rejects.toBeInstanceOf(RecordGoneError);
    const calls = await world.calls();
    expect(calls.filter((c) => !c.inBatch).map((c) => c.method)).toEqual(["batch"]);
    expect(calls.filter((c) => c.method === "crm.activity.add")).toHaveLength(0);
    expect(await db.prisma.mailLoggedEmail.count({ where: { portalId: world.portalId, activityId: 0 } })).toBe(0);
    // The contact the e-mail would be bound to, deleted: the same refusal.
    const lonely = Number((await admin.call("crm.contact.add", { fields: { NAME: "Lonely", OPENED: "Y" } })).result);
    const deal = Number((await admin.call("crm.deal.add", { fields: { TITLE: "Orphan", CONTACT_ID: lonely, OPENED: "Y" } })).result);
    await admin.call("crm.contact.delete", { id: lonely });
    await expect(
      logEmail(deps, client, portal, EMPLOYEE, {
        ...input,
        target: { kind: "deal", id: deal },
        communication: { kind: "contact", id: lonely, email: contactEmail },
      }),
    ).rejects.toMatchObject({ code: "record_gone", kind: "contact" });
  });
});
