/**
 * user.userfield.add / list / update / delete against their doc pages (b24restdocs
 * api-reference/user/userfields/user-userfield-add.md, user-userfield-list.md,
 * user-userfield-update.md, user-userfield-delete.md) and the server's userfieldproxy.php:
 * scope `user.userfield`, administrators only, UF_USR_ prefix, every documented filter and order
 * key, and the documented errors.
 */
import { describe, expect, it } from "vitest";
import { methodWorld, postJson } from "../../testing/harness";

const { world, call } = methodWorld(["user", "user.userfield"]);
const employee = () => [...world().emu.store.portals.get("acme")!.users.values()].find((u) => !u.admin && u.active && u.userType === "employee")!;

describe("user.userfield.add", () => {
  it("adds a field with the UF_USR_ prefix and answers its ID", async () => {
    const r = await call("user.userfield.add", {
      fields: {
        FIELD_NAME: "badge",
        USER_TYPE_ID: "string",
        XML_ID: "BADGE",
        SORT: 200,
        MULTIPLE: "N",
        MANDATORY: "Y",
        SHOW_FILTER: "Y",
        SHOW_IN_LIST: "N",
        EDIT_IN_LIST: "N",
        IS_SEARCHABLE: "Y",
        LABEL: "Badge",
      },
    });
    expect(r.status).toBe(200);
    expect(typeof r.body.result).toBe("number");
    const [f] = (await call("user.userfield.list", { filter: { ID: r.body.result } })).body.result;
    expect(f).toMatchObject({
      ENTITY_ID: "USER",
      FIELD_NAME: "UF_USR_BADGE",
      USER_TYPE_ID: "string",
      XML_ID: "BADGE",
      SORT: "200",
      MULTIPLE: "N",
      MANDATORY: "Y",
      SHOW_FILTER: "E",
      SHOW_IN_LIST: "N",
      EDIT_IN_LIST: "N",
      IS_SEARCHABLE: "Y",
      EDIT_FORM_LABEL: { en: "Badge" },
    });
    // UF_ is kept and USR_ inserted: UF_SHIRT → UF_USR_SHIRT.
    await call("user.userfield.add", { fields: { FIELD_NAME: "UF_SHIRT", USER_TYPE_ID: "enumeration" } });
    expect((await call("user.userfield.list", { filter: { FIELD_NAME: "UF_USR_SHIRT" } })).body.result).toHaveLength(1);
  });

  it("answers the documented errors: missing FIELD_NAME / USER_TYPE_ID, a name that exists, a non-admin", async () => {
    expect(await call("user.userfield.add", { fields: { USER_TYPE_ID: "string" } })).toMatchObject({
      status: 400,
      body: { error: "", error_description: "The 'FIELD_NAME' field is not found." },
    });
    expect(await call("user.userfield.add", { fields: { FIELD_NAME: "x1" } })).toMatchObject({
      status: 400,
      body: { error: "", error_description: "The 'USER_TYPE_ID' field is not found." },
    });
    await call("user.userfield.add", { fields: { FIELD_NAME: "twice", USER_TYPE_ID: "string" } });
    expect(await call("user.userfield.add", { fields: { FIELD_NAME: "twice", USER_TYPE_ID: "string" } })).toMatchObject({
      status: 400,
      body: { error: "ERROR_CORE", error_description: "Field UF_USR_TWICE for the USER object already exists" },
    });
    expect(await call("user.userfield.add", { fields: { FIELD_NAME: "nope", USER_TYPE_ID: "string" } }, employee().id)).toMatchObject({
      status: 400,
      body: { error_description: "Access denied." },
    });
  });

  it("needs the user.userfield scope", async () => {
    const c = (path: string, body: unknown) => postJson(`${world().emu.httpUrl}/_emulator/${path}`, body);
    await c("apps", { clientId: "app.user-only", clientSecret: "s", handlerUrl: "http://127.0.0.1:9/x", scopes: ["user"] });
    await c("portals/acme/install", { clientId: "app.user-only", userId: 1 });
    const t = (await c("portals/acme/tokens", { clientId: "app.user-only", userId: 1 })).body.access_token;
    expect(await postJson(`${world().rest}user.userfield.list`, { auth: t })).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});

describe("user.userfield.list", () => {
  it("filters by every documented key with operator prefixes, narrowed to ENTITY_ID=USER", async () => {
    await call("user.userfield.add", {
      fields: {
        FIELD_NAME: "f_int",
        USER_TYPE_ID: "integer",
        XML_ID: "XI",
        SORT: 10,
        MULTIPLE: "Y",
        MANDATORY: "N",
        SHOW_FILTER: "N",
        SHOW_IN_LIST: "Y",
        EDIT_IN_LIST: "Y",
        IS_SEARCHABLE: "N",
      },
    });
    const names = async (filter: object, order: object = { ID: "asc" }) => {
      const r = await call("user.userfield.list", { filter, order });
      expect(r.status, JSON.stringify(filter)).toBe(200);
      expect(r.body.total).toBe(r.body.result.length);
      return r.body.result.map((f: { FIELD_NAME: string }) => f.FIELD_NAME) as string[];
    };
    const all = await names({});
    expect(all).toContain("UF_USR_F_INT");
    const intId = (await call("user.userfield.list", { filter: { FIELD_NAME: "UF_USR_F_INT" } })).body.result[0].ID;
    expect(await names({ ID: intId })).toEqual(["UF_USR_F_INT"]);
    expect(await names({ ENTITY_ID: "USER" })).toEqual(all);
    expect(await names({ USER_TYPE_ID: "integer" })).toEqual(["UF_USR_F_INT"]);
    expect(await names({ XML_ID: "XI" })).toEqual(["UF_USR_F_INT"]);
    expect(await names({ "<SORT": 50 })).toEqual(["UF_USR_F_INT"]);
    expect(await names({ MULTIPLE: "Y" })).toContain("UF_USR_F_INT");
    expect(await names({ MANDATORY: "Y" })).not.toContain("UF_USR_F_INT");
    expect(await names({ SHOW_FILTER: "N" })).toContain("UF_USR_F_INT");
    expect(await names({ SHOW_IN_LIST: "Y" })).toContain("UF_USR_F_INT");
    expect(await names({ EDIT_IN_LIST: "Y" })).toContain("UF_USR_F_INT");
    expect(await names({ IS_SEARCHABLE: "N" })).toContain("UF_USR_F_INT");
    expect(await names({ "%FIELD_NAME": "F_IN" })).toEqual(["UF_USR_F_INT"]);
    expect(await names({ "!FIELD_NAME": "UF_USR_F_INT" })).not.toContain("UF_USR_F_INT");
    // Order by SORT descending puts the SORT 10 field last.
    expect((await names({}, { SORT: "desc", ID: "asc" })).at(-1)).toBe("UF_USR_F_INT");
  });

  it("refuses a filter or order key it does not know instead of ignoring it, and a non-admin", async () => {
    expect(await call("user.userfield.list", { filter: { LABEL: "x" } })).toMatchObject({ status: 400 });
    expect(await call("user.userfield.list", { order: { NAME: "asc" } })).toMatchObject({ status: 400 });
    expect(await call("user.userfield.list", {}, employee().id)).toMatchObject({ status: 400, body: { error_description: "Access denied." } });
  });
});

describe("user.userfield.update / delete", () => {
  it("updates the mutable fields, keeps FIELD_NAME and USER_TYPE_ID, and deletes; a missing ID answers ERROR_NOT_FOUND", async () => {
    const id = (await call("user.userfield.add", { fields: { FIELD_NAME: "upd", USER_TYPE_ID: "string" } })).body.result;
    expect(
      (await call("user.userfield.update", { id, fields: { SORT: 5, MANDATORY: "Y", FIELD_NAME: "UF_USR_OTHER", USER_TYPE_ID: "integer" } })).body.result,
    ).toBe(true);
    expect((await call("user.userfield.list", { filter: { ID: id } })).body.result[0]).toMatchObject({
      FIELD_NAME: "UF_USR_UPD",
      USER_TYPE_ID: "string",
      SORT: "5",
      MANDATORY: "Y",
    });
    expect((await call("user.userfield.delete", { id })).body.result).toBe(true);
    expect(await call("user.userfield.delete", { id })).toMatchObject({
      status: 400,
      body: { error: "ERROR_NOT_FOUND", error_description: `The entity with ID '${id}' is not found.` },
    });
    expect(await call("user.userfield.update", { id: 0, fields: {} })).toMatchObject({
      status: 400,
      body: { error_description: "ID is not defined or invalid." },
    });
  });
});
