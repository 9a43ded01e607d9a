/**
 * Platform method families against their docs: api-reference/common/users/profile.md, user-admin.md,
 * api-reference/user/user-get.md, user-update.md (and the server's rest/lib/api/user.php),
 * (departments: departments.int.test.ts; app, options and system methods: app.int.test.ts;
 * notifications: im.int.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, postJson, startWorld, type World } from "../../testing/harness";

let w: World;
beforeAll(async () => {
  w = await startWorld({ portals: [{ key: "acme", seed: { seed: 11, users: 120 } }] });
  // The tests measure answers, not the bucket.
  w.emu.store.limits.get("acme")!.enabled = false;
});
afterAll(async () => {
  await w.close();
});

const call = (method: string, params: Record<string, unknown> = {}, userId = 1) => postJson(`${w.rest}${method}`, { auth: w.token(userId), ...params });
const users = () => [...w.emu.store.portals.get("acme")!.users.values()];
const nonAdmin = () => users().find((u) => !u.admin && u.active && u.userType === "employee")!;

describe("users", () => {
  it("profile, user.admin and user.current describe the caller", async () => {
    const u = nonAdmin();
    expect((await call("profile", {}, u.id)).body.result).toMatchObject({ ID: String(u.id), ADMIN: false, NAME: u.name, LAST_NAME: u.lastName });
    expect((await call("user.admin", {}, u.id)).body.result).toBe(false);
    const cur = (await call("user.current", {}, u.id)).body.result;
    expect(cur).toMatchObject({ ID: String(u.id), EMAIL: u.email, ACTIVE: true, UF_DEPARTMENT: u.departmentIds });
  });

  it("user.get pages by 50 with total and next, ascending ID", async () => {
    const visible = users().filter((u) => !["bot", "email", "imconnector", "replica"].includes(u.userType));
    const p1 = await call("user.get");
    expect(p1.body.result).toHaveLength(50);
    expect(p1.body.total).toBe(visible.length);
    expect(p1.body.next).toBe(50);
    const ids = p1.body.result.map((u: { ID: string }) => Number(u.ID));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const last = await call("user.get", { start: Math.floor((visible.length - 1) / 50) * 50 });
    expect(last.body).not.toHaveProperty("next");
  });

  it("user.get filters by ACTIVE, EMAIL, UF_DEPARTMENT, USER_TYPE, NAME, operators and NAME_SEARCH", async () => {
    const dismissed = users().filter((u) => !u.active && u.userType === "employee");
    const active = await call("user.get", { FILTER: { ACTIVE: true }, start: -1 });
    expect(active.body.result.every((u: { ACTIVE: boolean }) => u.ACTIVE)).toBe(true);
    expect(active.body).not.toHaveProperty("total");
    const target = nonAdmin();
    expect((await call("user.get", { FILTER: { EMAIL: target.email } })).body.result.map((u: { ID: string }) => u.ID)).toEqual([String(target.id)]);
    const dep = target.departmentIds[0];
    const inDep = (await call("user.get", { FILTER: { UF_DEPARTMENT: dep }, start: -1 })).body.result;
    expect(inDep.length).toBeGreaterThan(0);
    expect(inDep.every((u: { UF_DEPARTMENT: number[] }) => u.UF_DEPARTMENT.includes(dep))).toBe(true);
    expect(
      (await call("user.get", { FILTER: { NAME: target.name, LAST_NAME: target.lastName } })).body.result.some(
        (u: { ID: string }) => u.ID === String(target.id),
      ),
    ).toBe(true);
    const found = (await call("user.get", { FILTER: { NAME_SEARCH: target.lastName } })).body.result;
    expect(found.some((u: { ID: string }) => u.ID === String(target.id))).toBe(true);
    const gt = (await call("user.get", { FILTER: { ">ID": 100 } })).body.result;
    expect(gt.every((u: { ID: string }) => Number(u.ID) > 100)).toBe(true);
    expect(
      (await call("user.get", { FILTER: { USER_TYPE: "employee" }, start: -1 })).body.result.every((u: { USER_TYPE: string }) => u.USER_TYPE === "employee"),
    ).toBe(true);
    if (dismissed.length) expect((await call("user.get", { FILTER: { ACTIVE: false }, start: -1 })).body.result.length).toBeGreaterThan(0);
  });

  it("user.get quirks: top-level keys filter without FILTER; no match gives a bare [] without total; SORT needs ORDER", async () => {
    const target = nonAdmin();
    expect((await call("user.get", { ID: target.id })).body.result.map((u: { ID: string }) => u.ID)).toEqual([String(target.id)]);
    const none = await call("user.get", { FILTER: { EMAIL: "nobody@nowhere.invalid" } });
    expect(none.body.result).toEqual([]);
    expect(none.body).not.toHaveProperty("total");
    const desc = (await call("user.get", { SORT: "ID", ORDER: "DESC" })).body.result.map((u: { ID: string }) => Number(u.ID));
    expect(desc[0]).toBeGreaterThan(desc[1]);
    const sortOnly = (await call("user.get", { SORT: "ID" })).body.result.map((u: { ID: string }) => Number(u.ID));
    expect(sortOnly[0]).toBeLessThan(sortOnly[1]);
  });

  it("user.update: admins change others, incl. ACTIVE; others get ERROR_CORE access_denied; unknown fields are skipped", async () => {
    const target = nonAdmin();
    const other = users().find((u) => !u.admin && u.active && u.id !== target.id)!;
    const ok = await call("user.update", { ID: target.id, WORK_POSITION: "Tester", ACTIVE: "N", LOGIN: "hacked", ADMIN: "Y" });
    expect(ok.body.result).toBe(true);
    expect(target).toMatchObject({ workPosition: "Tester", active: false, login: expect.not.stringMatching("hacked"), admin: false });
    await call("user.update", { ID: target.id, ACTIVE: "Y" });
    expect(await call("user.update", { ID: other.id, NAME: "X" }, target.id)).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "access_denied" },
    });
    // A non-admin may edit their own profile but not ACTIVE / UF_DEPARTMENT.
    const self = await call("user.update", { ID: target.id, PERSONAL_CITY: "Bonn", ACTIVE: "N", UF_DEPARTMENT: [999] }, target.id);
    expect(self.body.result).toBe(true);
    expect(target).toMatchObject({ personalCity: "Bonn", active: true });
    expect(target.departmentIds).not.toContain(999);
  });

  it("user.get and user.search filter by every key user.php reads (one case each), exact value of a user's own record", async () => {
    const target = nonAdmin();
    const rec = (await call("user.get", { FILTER: { ID: target.id } })).body.result[0] as Record<string, unknown>;
    const keys = [
      "ID",
      "ACTIVE",
      "EMAIL",
      "NAME",
      "LAST_NAME",
      "SECOND_NAME",
      "PERSONAL_GENDER",
      "PERSONAL_WWW",
      "PERSONAL_BIRTHDAY",
      "PERSONAL_PHONE",
      "PERSONAL_MOBILE",
      "PERSONAL_CITY",
      "PERSONAL_STREET",
      "WORK_COMPANY",
      "WORK_POSITION",
      "WORK_PHONE",
      "UF_DEPARTMENT",
      "UF_PHONE_INNER",
      "USER_TYPE",
      "IS_ONLINE",
      "DATE_REGISTER",
      "LAST_LOGIN",
    ];
    let checked = 0;
    for (const key of keys) {
      let value = rec[key];
      if (value === undefined || value === null || value === "") continue;
      if (Array.isArray(value)) value = value[0];
      for (const method of ["user.get", "user.search"]) {
        const found = (await call(method, { FILTER: { [key]: value, "<=ID": target.id }, SORT: "ID", ORDER: "DESC" })).body.result;
        expect(found[0]?.ID, `${method} ${key}=${String(value)}`).toBe(String(target.id));
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("user.fields lists the fields", async () => {
    const f = (await call("user.fields")).body.result;
    expect(f).toHaveProperty("UF_DEPARTMENT");
    expect(f).toHaveProperty("PERSONAL_BIRTHDAY");
  });
});
