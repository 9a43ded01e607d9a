/**
 * "Anonymise everyone dismissed more than N months ago" (issue 19 point 8), against a real
 * PostgreSQL and the emulator over HTTP: 0 months is refused in words, not read as 1; the list
 * the administrator confirms is exactly the dismissed employees not signed in for that long; the
 * start anonymises only the confirmed people who still match.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalUser } from "../../test/support/control-answers";
import { lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";
import { Refused } from "../errors";
import { savePrivacySettings } from "./settings";
import { readSweep, startDismissedSweep } from "./requests/sweep";

let h: LifecycleHarness;
let portalId: string;
const admin = { portalId: "", userId: 1, isAdmin: true, lang: "en" as const };
const enqueued: Array<{ input: unknown }> = [];
const services = () => ({
  prisma: h.db.prisma,
  clients: h.deps.clients,
  jobs: { enqueue: async (_job: unknown, options: { input: unknown }) => (enqueued.push(options), `job-${enqueued.length}`) },
});

beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"], scopes: ["user", "department"] });
  portalId = await h.installPortal("acme");
  admin.portalId = portalId;
  await savePrivacySettings({ prisma: h.db.prisma }, { portalId, userId: 1 }, { allowAnonymisation: true, allowErasure: false, linkDays: 7 });
});
afterAll(async () => h?.close());

describe("the dismissed sweep", () => {
  it("refuses 0 months and 121 in words; lists exactly who has not signed in for a month; starts only the confirmed who match", async () => {
    for (const months of [0, 121, 1.5]) {
      const refused = await readSweep(services(), admin, { months }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Refused);
      expect(refused).toMatchObject({ reason: "months_range", details: { params: { min: 1, max: 120 } } });
    }
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - 1);
    // Two more employees dismissed, last signed in a year ago (whatever the seed gave them).
    const leaving = (await h.control<PortalUser[]>("GET", "portals/acme/users")).filter((u) => u.active && !u.admin && u.userType === "employee").slice(-2);
    for (const u of leaving)
      await h.control("POST", `portals/acme/users/${u.id}`, { active: false, lastLogin: new Date(Date.now() - 365 * 86_400_000).toISOString() });
    const users = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const expected = users.filter((u) => !u.active && u.userType === "employee" && u.lastLogin && new Date(u.lastLogin) < cutoff);
    expect(expected.length).toBeGreaterThan(1);
    const { people } = await readSweep(services(), admin, { months: 1 });
    expect(people.map((p) => p.id).sort((a, b) => a - b)).toEqual(expected.map((u) => u.id).sort((a, b) => a - b));
    expect(people.find((p) => p.id === expected[0].id)?.name).toBe(`${expected[0].name} ${expected[0].lastName}`);

    // The admin confirmed two of them and someone who does not match (an active employee): only the two are started.
    const active = users.find((u) => u.active && !u.admin && u.userType === "employee")!;
    const started = await startDismissedSweep(services(), admin, { months: 1, userIds: [expected[0].id, expected[1].id, active.id] });
    expect(started.requestIds).toHaveLength(2);
    const requests = await h.db.prisma.privacyRequest.findMany({ where: { id: { in: started.requestIds } } });
    expect(requests.map((r) => [r.kind, r.subjectUserId]).sort()).toEqual(
      [
        ["anonymise", expected[0].id],
        ["anonymise", expected[1].id],
      ].sort(),
    );
    expect((enqueued.at(-1)?.input as { requestIds: string[] }).requestIds.sort()).toEqual([...started.requestIds].sort());
    await expect(startDismissedSweep(services(), admin, { months: 1, userIds: [active.id] })).rejects.toMatchObject({ reason: "nothing_to_do" });
  });
});
