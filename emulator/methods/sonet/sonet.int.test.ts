/**
 * sonet_group.* over HTTP against b24restdocs api-reference/sonet-group/sonet-group-get.md
 * (one case per filter field and operator, ORDER, GROUP_ID, IS_ADMIN, paging),
 * sonet-group-setowner.md (each documented error) and sonet-group-user-groups.md, read as the
 * server does them (modules/socialnetwork/classes/general/rest.php, CSocNetLogRestService).
 */
import { describe, expect, it } from "vitest";
import type { Workgroup } from "../../state/portal-data";
import { methodWorld, narrowToken, postJson, type RestAnswer } from "../../testing/harness";

const { world, call } = methodWorld(["user", "sonet_group"]);

const portal = () => world().emu.store.portals.get("acme")!;
const groups = (): Workgroup[] => portal().data.workgroups;
const ids = (r: RestAnswer): number[] => (r.body.result as Array<{ ID: string }>).map((g) => Number(g.ID));
const admin = (filter: object, extra: object = {}) => call("sonet_group.get", { FILTER: filter, IS_ADMIN: "Y", ...extra });
const employee = () =>
  [...portal().users.values()].find((u) => u.active && !u.admin && u.userType === "employee" && groups().some((g) => !g.visible && !g.members.has(u.id)))!;

describe("sonet_group.get", () => {
  it("answers the documented record, newest first by default, with total", async () => {
    const r = await admin({});
    expect(r.body.total).toBe(groups().length);
    expect(ids(r)).toEqual([...ids(r)].sort((a, b) => b - a));
    expect(Object.keys(r.body.result[0]).sort()).toEqual(
      [
        "ACTIVE",
        "CLOSED",
        "DATE_ACTIVITY",
        "DATE_CREATE",
        "DATE_UPDATE",
        "DESCRIPTION",
        "ID",
        "IS_EXTRANET",
        "KEYWORDS",
        "NAME",
        "NUMBER_OF_MEMBERS",
        "OPENED",
        "OWNER_ID",
        "PROJECT",
        "SITE_ID",
        "SUBJECT_ID",
        "SUBJECT_NAME",
        "VISIBLE",
      ].sort(),
    );
    expect(r.body.result[0].DATE_CREATE).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it("filters by ID, NAME, OWNER_ID", async () => {
    const g = groups()[1];
    expect(ids(await admin({ ID: g.id }))).toEqual([g.id]);
    expect(ids(await admin({ NAME: g.name }))).toContain(g.id);
    const owned = await admin({ OWNER_ID: g.ownerId });
    expect(ids(owned)).toContain(g.id);
    expect(owned.body.result.every((x: { OWNER_ID: string }) => x.OWNER_ID === String(g.ownerId))).toBe(true);
  });

  it("filters by the Y/N fields ACTIVE, VISIBLE, OPENED, CLOSED, IS_EXTRANET", async () => {
    for (const [field, prop] of [
      ["ACTIVE", "active"],
      ["VISIBLE", "visible"],
      ["OPENED", "opened"],
      ["CLOSED", "closed"],
      ["IS_EXTRANET", "isExtranet"],
    ] as const) {
      for (const value of ["Y", "N"]) {
        const expected = groups()
          .filter((g) => g[prop] === (value === "Y"))
          .map((g) => g.id);
        expect((await admin({ [field]: value })).body.total, `${field}=${value}`).toBe(expected.length);
      }
    }
  });

  it("filters by DATE_CREATE, DATE_UPDATE and DATE_ACTIVITY with >=, <, ><", async () => {
    const sorted = [...groups()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const mid = sorted[Math.floor(sorted.length / 2)].createdAt;
    const after = sorted.filter((g) => g.createdAt >= mid).length;
    for (const field of ["DATE_CREATE", "DATE_UPDATE", "DATE_ACTIVITY"]) {
      expect((await admin({ [`>=${field}`]: mid })).body.total, field).toBe(after);
      expect((await admin({ [`<${field}`]: mid })).body.total, field).toBe(groups().length - after);
    }
    expect((await admin({ "><DATE_CREATE": [sorted[0].createdAt, mid] })).body.total).toBe(sorted.filter((g) => g.createdAt <= mid).length);
  });

  it("reads the documented operators: !, !=, >, <=, !><, %, !%, ? and =; drops keys with other operators", async () => {
    const g = groups()[2];
    const all = groups().length;
    expect(ids(await admin({ "!ID": g.id }))).not.toContain(g.id);
    expect((await admin({ "!=ID": g.id })).body.total).toBe(all - 1);
    expect(ids(await admin({ ">ID": g.id })).every((id) => id > g.id)).toBe(true);
    expect(ids(await admin({ "<=ID": g.id })).every((id) => id <= g.id)).toBe(true);
    expect(ids(await admin({ "!><ID": [g.id, g.id] }))).not.toContain(g.id);
    const word = g.name.slice(1, 5);
    const like = (await admin({ "%NAME": word })).body.result.map((x: { NAME: string }) => x.NAME);
    expect(like.length).toBeGreaterThan(0);
    expect(like.every((n: string) => n.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect((await admin({ "?NAME": word })).body.total).toBe(like.length);
    expect((await admin({ "!%NAME": word })).body.total).toBe(all - like.length);
    expect(ids(await admin({ "=ID": g.id }))).toEqual([g.id]);
    // checkGroupFilter drops a key whose operator it does not know (`@` is not among them).
    expect((await admin({ "@ID": [g.id] })).body.total).toBe(all);
  });

  it("sorts by ORDER; reads only the upper-case keys (a lower-case filter filters nothing)", async () => {
    const byName = (await admin({}, { ORDER: { NAME: "ASC" } })).body.result.map((x: { NAME: string }) => x.NAME);
    expect(byName).toEqual([...byName].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(ids(await admin({}, { ORDER: { ID: "ASC" } }))[0]).toBe(Math.min(...groups().map((g) => g.id)));
    const g = groups()[0];
    expect((await call("sonet_group.get", { filter: { ID: g.id }, IS_ADMIN: "Y" })).body.total).toBe(groups().length);
  });

  it("GROUP_ID adds the ID condition", async () => {
    const g = groups()[3];
    expect(ids(await call("sonet_group.get", { GROUP_ID: g.id, IS_ADMIN: "Y" }))).toEqual([g.id]);
  });

  it("checks rights: a user sees visible groups and their own; IS_ADMIN=Y lifts the check only for an administrator", async () => {
    const u = employee();
    const hidden = groups().find((g) => !g.visible && !g.members.has(u.id))!;
    const seen = ids(await call("sonet_group.get", { FILTER: {}, IS_ADMIN: "Y" }, u.id));
    expect(seen).not.toContain(hidden.id);
    expect(seen.length).toBe(groups().filter((g) => g.visible || g.members.has(u.id)).length);
    expect(ids(await call("sonet_group.get", { FILTER: { ID: hidden.id } }, u.id))).toEqual([]);
    expect(ids(await admin({ ID: hidden.id }))).toEqual([hidden.id]);
  });

  it("pages by 50 with start", async () => {
    const r = await admin({}, { start: 50 });
    expect(r.body.total).toBe(groups().length);
    expect(r.body.result.length).toBe(Math.max(0, Math.min(50, groups().length - 50)));
  });

  it("needs the sonet_group scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}sonet_group.get`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});

describe("sonet_group.setowner", () => {
  it("moves the owner; the old owner stays as a moderator; user.groups shows the new role", async () => {
    const g = groups().find((x) => x.ownerId !== 2)!;
    const old = g.ownerId;
    expect((await call("sonet_group.setowner", { GROUP_ID: g.id, USER_ID: 2 })).body.result).toBe(true);
    expect((await admin({ ID: g.id })).body.result[0].OWNER_ID).toBe("2");
    expect(g.members.get(old)).toBe("E");
    const mine = await call("sonet_group.user.groups", {}, 2);
    expect(mine.body.result.find((x: { GROUP_ID: string }) => x.GROUP_ID === String(g.id))).toMatchObject({ ROLE: "A", GROUP_NAME: g.name });
  });

  it("answers Invalid workgroup/project ID for a bad or unknown group, Invalid user ID for a bad user", async () => {
    for (const GROUP_ID of [0, "x", 99999]) {
      expect(await call("sonet_group.setowner", { GROUP_ID, USER_ID: 2 }), String(GROUP_ID)).toMatchObject({
        status: 400,
        body: { error: "", error_description: "Invalid workgroup/project ID" },
      });
    }
    expect(await call("sonet_group.setowner", { GROUP_ID: groups()[0].id, USER_ID: 0 })).toMatchObject({
      status: 400,
      body: { error: "", error_description: "Invalid user ID" },
    });
    expect(await call("sonet_group.setowner", { GROUP_ID: groups()[0].id, USER_ID: 99999 })).toMatchObject({
      status: 400,
      body: { error: "", error_description: "Cannot complete operation." },
    });
  });

  it("lets only the owner or an administrator change it (a moderator or member may not)", async () => {
    const g = groups().find((x) =>
      [...x.members.entries()].some(([id, role]) => role !== "A" && portal().users.get(id)?.active && !portal().users.get(id)?.admin),
    )!;
    const [memberId] = [...g.members.entries()].find(([id, role]) => role !== "A" && portal().users.get(id)?.active && !portal().users.get(id)?.admin)!;
    expect(await call("sonet_group.setowner", { GROUP_ID: g.id, USER_ID: memberId }, memberId)).toMatchObject({
      status: 400,
      body: { error: "", error_description: "Insufficient permissions to complete the operation." },
    });
    const owner = g.ownerId;
    if (!portal().users.get(owner)?.admin) {
      expect((await call("sonet_group.setowner", { GROUP_ID: g.id, USER_ID: memberId }, owner)).body.result).toBe(true);
      expect(g.ownerId).toBe(memberId);
    }
  });
});

describe("sonet_group.user.groups", () => {
  it("lists the caller's groups with roles A, E or K", async () => {
    const u = employee();
    const r = await call("sonet_group.user.groups", {}, u.id);
    const expected = groups().filter((g) => g.members.has(u.id));
    expect(r.body.result.map((x: { GROUP_ID: string }) => Number(x.GROUP_ID)).sort()).toEqual(expected.map((g) => g.id).sort());
    for (const x of r.body.result) expect(["A", "E", "K"]).toContain(x.ROLE);
  });
});
