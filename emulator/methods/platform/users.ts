/**
 * profile, user.admin, user.current, user.get, user.update, user.fields (user.userfield.*: user-fields.ts).
 * Follows b24restdocs api-reference/common/users/profile.md, user-admin.md, api-reference/user/user-get.md,
 * user-update.md and the server's modules/rest/lib/api/user.php (quirks noted where they apply).
 */
import { defineMethods, pageOf, readStart, type MethodCall } from "../../rest/method-registry";
import { errors } from "../../rest/errors";
import type { PortalUser } from "../../state/types";
import { matches, parseFilterKey, type FilterTerm } from "./filter";
import { fieldValue, UPDATABLE, userRecord } from "./user-record";
import { fieldLabel, userFieldDefs } from "./user-fields";

const upperKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toUpperCase(), v]));

// user.php: only these fields (plus IS_ONLINE, NAME_SEARCH, USER_TYPE…) are read from the filter; others are skipped.
const FILTERABLE = new Set([
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
]);
// user-get.md: bots, e-mail users, Open Channels and Replica users are never listed (USER_TYPE=email may be asked for).
const HIDDEN_TYPES = new Set(["bot", "imconnector", "replica", "email"]);

function nameSearch(u: PortalUser, query: string): boolean {
  const hay = [u.name, u.lastName, u.secondName, u.email, u.workPosition].map((s) => s.toLowerCase());
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.some((h) => h.split(/[\s@.-]+/).some((part) => part.startsWith(word)) || h.startsWith(word)));
}

function userGet(call: MethodCall) {
  const top = upperKeys(call.params);
  const sort = typeof top.SORT === "string" ? top.SORT.toUpperCase() : null;
  const order = typeof top.ORDER === "string" ? top.ORDER.toUpperCase() : null;
  // user.php quirk: when FILTER is given it replaces the whole query; otherwise top-level keys are the filter.
  const source = top.FILTER && typeof top.FILTER === "object" && !Array.isArray(top.FILTER) ? upperKeys(top.FILTER as Record<string, unknown>) : top;
  const terms: FilterTerm[] = [];
  let search: string | null = null;
  let askedEmailType = false;
  for (const [key, value] of Object.entries(source)) {
    if (key === "NAME_SEARCH" || key === "FIND") {
      search = String(value ?? "");
      continue;
    }
    const { field, op } = parseFilterKey(key);
    // user.php's prepareUserData keeps only allowed names: SELECT (user.get has no select; it
    // always answers the full record), START, SORT, ORDER and unknown keys never filter.
    if (!FILTERABLE.has(field)) continue;
    if (field === "USER_TYPE" && [value].flat().includes("email")) askedEmailType = true;
    terms.push({ field, op, value });
  }
  let users = [...call.portal.users.values()].filter((u) => askedEmailType || !HIDDEN_TYPES.has(u.userType));
  users = users.filter((u) => terms.every((t) => matches(fieldValue(u, t.field), t)));
  if (search !== null) users = users.filter((u) => nameSearch(u, search as string));
  // user-get.md: ascending ID by default; user.php sorts only when both SORT and ORDER are given.
  users.sort((a, b) => a.id - b.id);
  if (sort && order) {
    const dir = order === "DESC" ? -1 : 1;
    users.sort((a, b) => {
      const x = fieldValue(a, sort);
      const y = fieldValue(b, sort);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""));
      return c * dir || a.id - b.id;
    });
  }
  // user.php: with no match the answer is a bare [] with no total.
  if (users.length === 0) return { result: [] };
  const { page, total, next } = pageOf(users, readStart(call.params));
  return { result: page.map(userRecord), total, next };
}

function userUpdate(call: MethodCall) {
  const p = upperKeys(call.params);
  const id = Number(p.ID);
  // user-update.md: ERROR_CORE "access_denied" (400) for a bad ID or missing rights.
  if (!(id > 0)) throw errors.core("access_denied");
  const isSelf = id === call.user.id;
  if (!call.user.admin && !isSelf) throw errors.core("access_denied");
  const target = call.portal.users.get(id);
  if (!target) throw errors.core("");
  const fields = p.FIELDS && typeof p.FIELDS === "object" ? upperKeys(p.FIELDS as Record<string, unknown>) : p;
  for (const [key, value] of Object.entries(fields)) {
    const prop = UPDATABLE[key];
    if (prop) {
      (target as unknown as Record<string, unknown>)[prop] = key === "PERSONAL_PHOTO" && (value === "" || value === null) ? "" : String(value ?? "");
    } else if (key === "ACTIVE" && call.user.admin) {
      // user.php: ACTIVE is normalised to Y/N; non-admins cannot change it.
      target.active = Boolean(value) && value !== "N" && value !== "false" && value !== "0";
    } else if (key === "UF_DEPARTMENT" && call.user.admin) {
      target.departmentIds = [value]
        .flat()
        .map(Number)
        .filter((n) => n > 0);
    } else if (key.startsWith("UF_") && key in target.userFields) {
      target.userFields[key] = value;
    }
    // Everything else (LOGIN, PASSWORD, ADMIN, XML_ID, …) is silently skipped, as user.php's allowed list does.
  }
  return { result: true };
}

const FIELD_LABELS: Record<string, string> = {
  ID: "ID",
  ACTIVE: "Active",
  EMAIL: "E-mail",
  NAME: "First name",
  LAST_NAME: "Last name",
  SECOND_NAME: "Second name",
  PERSONAL_GENDER: "Gender",
  PERSONAL_PROFESSION: "Profession",
  PERSONAL_WWW: "Personal website",
  PERSONAL_BIRTHDAY: "Date of birth",
  PERSONAL_PHOTO: "Photo",
  PERSONAL_PHONE: "Phone",
  PERSONAL_MOBILE: "Mobile",
  PERSONAL_CITY: "City",
  PERSONAL_STREET: "Street address",
  WORK_COMPANY: "Company",
  WORK_POSITION: "Position",
  WORK_PHONE: "Work phone",
  UF_DEPARTMENT: "Departments",
  USER_TYPE: "User type",
};

defineMethods(
  {
    name: "profile",
    scope: null,
    handler: ({ user }) => ({
      result: {
        ID: String(user.id),
        ADMIN: user.admin,
        NAME: user.name,
        LAST_NAME: user.lastName,
        PERSONAL_GENDER: user.personalGender,
        ...(user.personalPhoto ? { PERSONAL_PHOTO: user.personalPhoto } : {}),
        TIME_ZONE: user.timeZone,
      },
    }),
  },
  { name: "user.admin", scope: null, handler: ({ user }) => ({ result: user.admin }) },
  { name: "user.current", scope: "user", handler: ({ user }) => ({ result: userRecord(user) }) },
  { name: "user.get", scope: "user", handler: userGet },
  { name: "user.search", scope: "user", handler: userGet },
  { name: "user.update", scope: "user", handler: userUpdate },
  {
    name: "user.fields",
    scope: "user",
    // user.php getFields(): custom fields by their EDIT_FORM_LABEL in the portal's language.
    handler: ({ portal }) => ({
      result: { ...FIELD_LABELS, ...Object.fromEntries(userFieldDefs(portal).map((d) => [d.FIELD_NAME, fieldLabel(d, portal.lang)])) },
    }),
  },
);
