/**
 * The preview before an anonymisation or erasure, against a real PostgreSQL and the emulator over
 * HTTP: the fields that will change with their current values, and the records that name the
 * person — each listed one held by them in the emulator, all of them counted, the rest "N more".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalUser } from "../../test/support/control-answers";
import { signInFromPost } from "../lifecycle";
import { CLIENT_ID, lifecycleHarness, type LifecycleHarness } from "../../test/support/lifecycle-harness";
import type { PrivacyDeps } from "./deps";
import { recordsNaming } from "./record-list";
import { savePrivacySettings } from "./settings";
import { previewFor } from "./views";

let h: LifecycleHarness;
let portalId: string;
let deps: PrivacyDeps;

beforeAll(async () => {
  h = await lifecycleHarness({ portals: ["acme"], scopes: ["user", "user.userfield", "department", "task", "crm", "sonet_group"], recordsPerHeavyUser: 30 });
  portalId = await h.installPortal("acme");
  deps = { prisma: h.db.prisma, keys: h.deps.keys, clients: h.deps.clients, appClientId: CLIENT_ID };
  await savePrivacySettings({ prisma: h.db.prisma }, { portalId, userId: 1 }, { allowAnonymisation: true, allowErasure: true, linkDays: 7 });
});
afterAll(async () => h?.close());

type Row = Array<number | number[]>;

/** Every (type:id:role) the emulator's tables have naming `userId`, across the kinds the catalogue reads. */
async function heldBy(userId: number): Promise<Set<string>> {
  const out = new Set<string>();
  const rows = async (type: string) => (await h.control<{ rows: Row[] }>("GET", `portals/acme/ownership?type=${type}`)).rows;
  for (const [id, responsible, creator, accomplices, auditors] of await rows("task")) {
    if (responsible === userId) out.add(`task:${id}:responsible`);
    if (creator === userId) out.add(`task:${id}:creator`);
    if ((accomplices as number[]).includes(userId)) out.add(`task:${id}:accomplice`);
    if ((auditors as number[]).includes(userId)) out.add(`task:${id}:auditor`);
  }
  const admin = await deps.clients.clientFor(portalId, { userId: 1 });
  const smart = (await admin.call<{ types: Array<{ entityTypeId: number }> }>("crm.type.list")).result.types.map((t) => t.entityTypeId);
  const crm: Array<[number, string]> = [
    [1, "lead"],
    [2, "deal"],
    [3, "contact"],
    [4, "company"],
    [7, "quote"],
    [31, "invoice"],
    ...smart.map((e): [number, string] => [e, `dynamic-${e}`]),
  ];
  for (const [entityTypeId, type] of crm) for (const [id, owner] of await rows(`crm-${entityTypeId}`)) if (owner === userId) out.add(`${type}:${id}:assigned`);
  for (const [id, owner] of await rows("activity")) if (owner === userId) out.add(`activity:${id}:responsible`);
  for (const [id, owner] of await rows("workgroup")) if (owner === userId) out.add(`workgroup:${id}:owner`);
  for (const [id, head] of await rows("department")) if (head === userId) out.add(`department:${id}:head`);
  return out;
}

describe("preview of an anonymisation", () => {
  it("shows each changing field with its current value, and lists the records that name the person, counted in full", async () => {
    const summary = await h.control<{ heavyUserIds: number[] }>("GET", "portals/acme");
    const all = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const subject = all.find((u) => summary.heavyUserIds.includes(u.id) && !u.admin)!;
    await h.control("POST", `portals/acme/users/${subject.id}`, { personalMobile: "+7 900 123 45 67" });
    // The portal answers whether an active subject is an administrator only to their own token.
    if (subject.active) await signInFromPost(h.deps, (await h.iframePost("acme", subject.id)).post);

    const preview = await previewFor(deps, { portalId, userId: 1, isAdmin: true, lang: "en" }, { kind: "anonymise", subjectUserId: subject.id });
    expect(preview.name).toBe(`${subject.name} ${subject.lastName}`);
    const change = (f: string) => preview.changes.find((c) => c.field === f);
    expect(change("NAME")).toMatchObject({ current: subject.name, next: "Former employee" });
    expect(change("LAST_NAME")?.current).toBe(subject.lastName);
    expect(change("PERSONAL_MOBILE")).toMatchObject({ current: "+7 900 123 45 67", next: "" });
    // Fields that stay as they are are not listed.
    expect(preview.changes.every((c) => c.current !== c.next)).toBe(true);

    const held = await heldBy(subject.id);
    expect(held.size).toBeGreaterThan(25);
    expect(preview.records.total).toBe(held.size);
    expect(preview.records.shown).toHaveLength(25);
    for (const r of preview.records.shown) expect(held.has(`${r.type}:${r.id}:${r.role}`), `${r.type}:${r.id}:${r.role}`).toBe(true);
    const task = preview.records.shown.find((r) => r.type === "task")!;
    expect(task.link).toBe(`${h.portal("acme").baseUrl}/company/personal/user/${subject.id}/tasks/task/view/${task.id}/`);
  });

  it("lists every record when there are no more than the limit", async () => {
    const all = await h.control<PortalUser[]>("GET", "portals/acme/users");
    const client = await deps.clients.clientFor(portalId, { userId: 1 });
    let checked = 0;
    for (const u of all.filter((x) => !x.admin)) {
      const held = await heldBy(u.id);
      if (held.size > 10) continue;
      const records = await recordsNaming(client, u.id, "https://portal.test/", 10);
      expect(records.total).toBe(held.size);
      expect(records.shown.map((r) => `${r.type}:${r.id}:${r.role}`).sort()).toEqual([...held].sort());
      if (++checked === 2) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
