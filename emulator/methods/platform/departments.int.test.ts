/**
 * department.* against b24restdocs api-reference/departments/department-get.md, department-update.md,
 * department-fields.md, read as the server does them (modules/intranet/classes/general/rest.php):
 * one case per filter key, the sort / order parameters, the record's shape, and each documented
 * error (missing department, missing rights, missing scope).
 */
import { describe, expect, it } from "vitest";
import type { Department } from "../../state/types";
import { methodWorld, narrowToken, postJson, type RestAnswer } from "../../testing/harness";

const { world, call } = methodWorld(["user", "department"]);

const deps = (): Department[] => [...world().emu.store.portals.get("acme")!.departments.values()];
const ids = (r: RestAnswer): number[] => (r.body.result as Array<{ ID: string }>).map((d) => Number(d.ID));
const nonAdmin = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;

describe("department.get", () => {
  it("answers every department in tree order with the documented shape (ID, PARENT, UF_HEAD as strings, SORT a number)", async () => {
    const r = await call("department.get", {});
    expect(r.body.total).toBe(deps().length);
    const seen = new Set<number>();
    for (const d of r.body.result) {
      expect(typeof d.ID).toBe("string");
      expect(typeof d.SORT).toBe("number");
      const stored = deps().find((x) => x.id === Number(d.ID))!;
      // PARENT and UF_HEAD only when set (getDeptData prints only the fields that are set).
      if (stored.parentId === null) expect(d).not.toHaveProperty("PARENT");
      else {
        expect(d.PARENT).toBe(String(stored.parentId));
        // LEFT_MARGIN order: a parent comes before its children.
        expect(seen.has(stored.parentId)).toBe(true);
      }
      if (stored.headUserId === null) expect(d).not.toHaveProperty("UF_HEAD");
      else expect(d.UF_HEAD).toBe(String(stored.headUserId));
      seen.add(stored.id);
    }
  });

  it("filters by ID, one or a list", async () => {
    const [a, b] = deps().slice(1, 3);
    expect(ids(await call("department.get", { ID: a.id }))).toEqual([a.id]);
    expect(ids(await call("department.get", { ID: [a.id, b.id] })).sort()).toEqual([a.id, b.id].sort());
  });

  it("filters by NAME, the full name in any case", async () => {
    const d = deps()[2];
    expect(ids(await call("department.get", { NAME: d.name.toUpperCase() }))).toContain(d.id);
    expect((await call("department.get", { NAME: d.name.slice(0, 3) })).body.result.map((x: { NAME: string }) => x.NAME)).not.toContain(d.name);
  });

  it("filters by SORT", async () => {
    const d = deps()[1];
    const r = await call("department.get", { FILTER: { SORT: d.sort } });
    expect(ids(r)).toContain(d.id);
    expect(r.body.result.every((x: { SORT: number }) => x.SORT === d.sort)).toBe(true);
  });

  it("filters by PARENT", async () => {
    const child = deps().find((d) => d.parentId !== null)!;
    const r = await call("department.get", { PARENT: child.parentId });
    expect(ids(r)).toContain(child.id);
    expect(r.body.result.every((x: { PARENT: string }) => x.PARENT === String(child.parentId))).toBe(true);
  });

  it("filters by UF_HEAD", async () => {
    const headed = deps().find((d) => d.headUserId !== null)!;
    const r = await call("department.get", { UF_HEAD: headed.headUserId });
    expect(ids(r)).toContain(headed.id);
    expect(r.body.result.every((x: { UF_HEAD: string }) => x.UF_HEAD === String(headed.headUserId))).toBe(true);
  });

  it("FILTER replaces the query; other keys (lower-case, prefixed, unknown) filter nothing", async () => {
    const d = deps()[1];
    expect(ids(await call("department.get", { FILTER: { ID: d.id }, PARENT: 999 }))).toEqual([d.id]);
    const all = deps().length;
    expect((await call("department.get", { filter: { ID: d.id } })).body.total).toBe(all);
    expect((await call("department.get", { id: d.id })).body.total).toBe(all);
    expect((await call("department.get", { ">ID": d.id })).body.total).toBe(all);
    expect((await call("department.get", { NOPE: 1 })).body.total).toBe(all);
  });

  it("sorts by sort / order in any case; an unknown sort field keeps tree order; an upper-case SORT also filters", async () => {
    const byNameDesc = (await call("department.get", { sort: "name", order: "desc" })).body.result.map((x: { NAME: string }) => x.NAME);
    expect(byNameDesc).toEqual([...byNameDesc].sort((a: string, b: string) => b.localeCompare(a)));
    const byId = ids(await call("department.get", { sort: "ID", order: "sideways" }));
    expect(byId).toEqual([...byId].sort((a, b) => a - b));
    const tree = ids(await call("department.get", {}));
    expect(ids(await call("department.get", { sort: "DATE_CREATE", order: "DESC" }))).toEqual(tree);
    // { SORT: "NAME" } sorts by NAME and filters SORT = intval("NAME") = 0: no department has sort 0.
    expect((await call("department.get", { SORT: "NAME" })).body.result).toEqual([]);
  });

  it("needs the department scope", async () => {
    const token = await narrowToken(world(), ["user"]);
    expect(await postJson(`${world().rest}department.get`, { auth: token })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});

describe("department.update", () => {
  it("changes only the fields sent", async () => {
    const d = deps()[1];
    const before = { ...d };
    expect((await call("department.update", { ID: d.id, UF_HEAD: 3 })).body.result).toBe(true);
    expect(d).toMatchObject({ headUserId: 3, name: before.name, sort: before.sort, parentId: before.parentId });
    expect((await call("department.update", { id: d.id, name: "Renamed" })).body.result).toBe(true);
    expect(d.name).toBe("Renamed");
  });

  it("answers ERROR_CORE Access denied! to a non-administrator", async () => {
    const d = deps()[1];
    expect(await call("department.update", { ID: d.id, UF_HEAD: 3 }, nonAdmin().id)).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "Access denied!" },
    });
  });

  it("answers ERROR_CORE Department not found for an unknown ID", async () => {
    expect(await call("department.update", { ID: 99999, NAME: "x" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "Department not found" },
    });
  });
});

describe("department.add / department.delete", () => {
  it("adds under a parent and answers the new ID; deletes, moving children and employees to the parent", async () => {
    const parent = deps().find((d) => d.parentId === null)!;
    const id = (await call("department.add", { NAME: "Research", PARENT: parent.id, SORT: 700, UF_HEAD: 1 })).body.result as number;
    expect((await call("department.get", { ID: id })).body.result).toEqual([
      { ID: String(id), NAME: "Research", SORT: 700, PARENT: String(parent.id), UF_HEAD: "1" },
    ]);
    const child = (await call("department.add", { NAME: "Lab", PARENT: id })).body.result as number;
    expect((await call("department.delete", { ID: id })).body.result).toBe(true);
    expect((await call("department.get", { ID: id })).body.result).toEqual([]);
    expect((await call("department.get", { ID: child })).body.result[0].PARENT).toBe(String(parent.id));
  });

  it("answers the documented ERROR_CORE texts: no NAME, no or unknown PARENT, a non-administrator, an unknown ID", async () => {
    const root = deps().find((d) => d.parentId === null)!;
    expect(await call("department.add", { PARENT: root.id })).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "The department name is not provided.<br>" },
    });
    expect(await call("department.add", { NAME: "Orphan" })).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "There can only be one top-level department in the company structure" },
    });
    expect(await call("department.add", { NAME: "x", PARENT: root.id }, nonAdmin().id)).toMatchObject({
      status: 400,
      body: { error_description: "Access denied!" },
    });
    expect(await call("department.delete", { ID: 99999 })).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "Department not found" },
    });
  });
});

describe("department.fields", () => {
  it("lists the five fields", async () => {
    expect(Object.keys((await call("department.fields", {})).body.result).sort()).toEqual(["ID", "NAME", "PARENT", "SORT", "UF_HEAD"]);
  });
});
