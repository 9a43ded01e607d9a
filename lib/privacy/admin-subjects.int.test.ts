/**
 * Nobody can anonymise or erase an administrator (issue 19 point 7), against a real PostgreSQL and
 * the emulator over HTTP. Whether someone is an administrator is what the portal says now, asked
 * with their own token; a stored sign-in is not asked. An administrator who never opened the app
 * is refused because the portal cannot say, one who did because it says yes, and someone made an
 * administrator after the request was started is left alone by the job.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalUser } from "../../test/support/control-answers";
import { CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";
import { Refused } from "../errors";
import { signInFromPost } from "../lifecycle";
import type { PrivacyDeps } from "./deps";
import { runChanges } from "./change/run-changes";
import { createRequests } from "./requests/requests-log";
import { startChange } from "./requests/start-requests";
import { savePrivacySettings } from "./settings";
import { previewFor } from "./views";

let h: LifecycleHarness;
let portalId: string;
let deps: PrivacyDeps;
const admin = { portalId: "", userId: 1, isAdmin: true, lang: "en" as const };
const enqueued: unknown[] = [];
const services = () => ({
  prisma: h.db.prisma,
  clients: h.deps.clients,
  jobs: { enqueue: async (_job: unknown, options: unknown) => (enqueued.push(options), `job-${enqueued.length}`) },
});

beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"], scopes: ["user", "user.userfield", "department", "task", "crm", "sonet_group"] });
  portalId = await h.installPortal("acme");
  admin.portalId = portalId;
  deps = { prisma: h.db.prisma, keys: h.deps.keys, clients: h.deps.clients, appClientId: CLIENT_ID };
  await savePrivacySettings({ prisma: h.db.prisma }, { portalId, userId: 1 }, { allowAnonymisation: true, allowErasure: true, linkDays: 7 });
});
afterAll(async () => h?.close());

const users = () => h.control<PortalUser[]>("GET", "portals/acme/users");
const signIn = async (userId: number) => signInFromPost(h.deps, (await h.iframePost("acme", userId)).post);
const refusalOf = async (run: Promise<unknown>) =>
  run.then(
    () => "allowed",
    (error: unknown) => (error instanceof Refused ? { reason: error.reason, userIds: error.userIds, params: error.details.params } : error),
  );

describe("an administrator as the subject", () => {
  it("refuses an active administrator who never opened the app (the portal cannot say), then one who did (it says yes); a demoted one is allowed", async () => {
    const person = (await users()).find((u) => u.active && !u.admin && u.userType === "employee" && u.id !== 1)!;
    await h.control("POST", `portals/acme/users/${person.id}`, { admin: true });
    const name = `${person.name} ${person.lastName}`;

    expect(await refusalOf(startChange(services(), admin, { kind: "erase", subjects: [person.id] }))).toEqual({
      reason: "admin_unknown",
      userIds: [person.id],
      params: { name },
    });
    expect(await refusalOf(previewFor(deps, admin, { kind: "anonymise", subjectUserId: person.id }))).toMatchObject({ reason: "admin_unknown" });

    await signIn(person.id);
    expect(await refusalOf(startChange(services(), admin, { kind: "anonymise", subjects: [person.id] }))).toMatchObject({
      reason: "subject_admin",
      params: { name },
    });
    expect(await refusalOf(previewFor(deps, admin, { kind: "erase", subjectUserId: person.id }))).toMatchObject({ reason: "subject_admin" });
    expect(await h.db.prisma.privacyRequest.count({ where: { subjectUserId: person.id } })).toBe(0);
    expect(enqueued).toHaveLength(0);
    expect(await h.control<PortalUser[]>("GET", "portals/acme/users").then((all) => all.find((u) => u.id === person.id))).toMatchObject({
      name: person.name,
      active: true,
    });

    // Their rights revoked in the portal: the same request goes through.
    await h.control("POST", `portals/acme/users/${person.id}`, { admin: false });
    expect(await refusalOf(startChange(services(), admin, { kind: "anonymise", subjects: [person.id] }))).toBe("allowed");
    expect(enqueued).toHaveLength(1);
  });

  it("refuses a person the portal does not know, and a whole batch with one administrator in it", async () => {
    expect(await refusalOf(startChange(services(), admin, { kind: "erase", subjects: [987654] }))).toMatchObject({
      reason: "subject_unknown",
      userIds: [987654],
    });
    const all = await users();
    const dismissed = all.find((u) => !u.active && u.userType === "employee")!;
    // A dismissed account signs in nowhere: the portal's ACTIVE=false says it administers nothing.
    const secondAdmin = all.find((u) => u.active && u.admin && u.id !== 1);
    const other = secondAdmin ?? all.find((u) => u.active && !u.admin && u.userType === "employee" && u.id !== 1)!;
    if (!secondAdmin) await h.control("POST", `portals/acme/users/${other.id}`, { admin: true });
    const before = await h.db.prisma.privacyRequest.count();
    expect(await refusalOf(startChange(services(), admin, { kind: "erase", subjects: [dismissed.id, other.id] }))).toMatchObject({
      userIds: [other.id],
    });
    expect(await h.db.prisma.privacyRequest.count()).toBe(before);
  });

  it("the job asks again before writing: someone made an administrator since the start is left as they were", async () => {
    const person = (await users()).find((u) => u.active && !u.admin && u.userType === "employee" && u.id !== 1)!;
    await signIn(person.id);
    const requestIds = await createRequests(h.db.prisma, portalId, "erase", [person.id], 1);
    await h.control("POST", `portals/acme/users/${person.id}`, { admin: true });
    const result = await runChanges(deps, {
      jobRunId: "job-admin-since",
      portalId,
      startedBy: 1,
      input: { kind: "erase", requestIds, lang: "en", actAsStarter: true },
      reportProgress: async () => {},
    });
    expect(result).toMatchObject({ completed: 0, failed: 1 });
    const request = await h.db.prisma.privacyRequest.findUniqueOrThrow({ where: { id: requestIds[0] } });
    expect([request.status, request.details]).toEqual(["failed", { error: "subject_admin" }]);
    const after = (await users()).find((u) => u.id === person.id)!;
    expect([after.name, after.lastName, after.active]).toEqual([person.name, person.lastName, true]);
  });
});
