/**
 * Custom fields of the user profile: user.userfield.add / list / update / delete (b24restdocs
 * api-reference/user/userfields/user-userfield-*.md; server modules/rest/lib/userfieldproxy.php).
 * Scope `user.userfield`, administrators only ("Access denied." otherwise, as the proxy's
 * permission checks answer). Names get the UF_USR_ prefix; the list filter takes the sortable
 * fields with the usual operator prefixes and is always narrowed to ENTITY_ID=USER; any other
 * filter or order key is refused rather than ignored.
 *
 * The portal's field definitions live in `portal.userFieldDefs`; fields the seed gave users
 * (values in PortalUser.userFields) are defined as strings on first use.
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { Portal, UserFieldDef } from "../../state/types";
import { matches, parseFilterKey } from "./filter";

const SCOPE = "user.userfield";
const fail = (description: string, code = "") => new RestError(code, description, 400);

/** The sortable / filterable fields (user-userfield-list.md, "order"). */
const KEYS = [
  "ID",
  "ENTITY_ID",
  "FIELD_NAME",
  "USER_TYPE_ID",
  "XML_ID",
  "SORT",
  "MULTIPLE",
  "MANDATORY",
  "SHOW_FILTER",
  "SHOW_IN_LIST",
  "EDIT_IN_LIST",
  "IS_SEARCHABLE",
] as const;
const TYPES = new Set([
  "string",
  "integer",
  "double",
  "date",
  "datetime",
  "boolean",
  "file",
  "enumeration",
  "url",
  "address",
  "money",
  "iblock_section",
  "iblock_element",
  "employee",
  "crm",
  "crm_status",
]);
const LABELS = ["EDIT_FORM_LABEL", "LIST_COLUMN_LABEL", "LIST_FILTER_LABEL", "ERROR_MESSAGE", "HELP_MESSAGE"] as const;

/**
 * What a real portal calls the custom fields the seed gives its users, per language, and their
 * types: Bitrix24's own employment date is a date field labelled in words, never by its code.
 */
const SEEDED: Record<string, { type: string; label: Record<string, string> }> = {
  UF_SKYPE: { type: "string", label: { en: "Skype", ru: "Skype", de: "Skype" } },
  UF_EMPLOYMENT_DATE: { type: "date", label: { en: "Employment date", ru: "Дата приёма на работу", de: "Einstellungsdatum" } },
};

/** The portal's definitions, seeded once from the custom values its users already carry. */
export function userFieldDefs(portal: Portal): UserFieldDef[] {
  if (!portal.userFieldDefs) {
    const names = new Set<string>();
    for (const u of portal.users.values()) for (const k of Object.keys(u.userFields)) names.add(k);
    portal.userFieldDefs = [...names].sort().map((name, i) => {
      const known = SEEDED[name];
      const labels = known ? Object.fromEntries(LABELS.map((k) => [k, known.label])) : {};
      return newDef(i + 1, { FIELD_NAME: name, USER_TYPE_ID: known?.type ?? "string", ...labels });
    });
  }
  return portal.userFieldDefs;
}

/** A definition's EDIT_FORM_LABEL in one language (the portal's), as user.fields answers it. */
export function fieldLabel(def: UserFieldDef, lang: string): string {
  const labels = (def as unknown as Record<string, unknown>).EDIT_FORM_LABEL;
  if (typeof labels === "string") return labels;
  const byLang = (labels ?? {}) as Record<string, string>;
  return byLang[lang] ?? byLang.en ?? Object.values(byLang)[0] ?? def.FIELD_NAME;
}

const yn = (v: unknown) => (String(v ?? "").toUpperCase() === "Y" ? "Y" : "N");

function newDef(id: number, f: Record<string, unknown>): UserFieldDef {
  const name = String(f.FIELD_NAME);
  const label = typeof f.LABEL === "string" && f.LABEL.trim() ? f.LABEL.trim() : name;
  const labels: Record<string, unknown> = {};
  for (const k of LABELS) labels[k] = f[k] && typeof f[k] === "object" ? f[k] : { en: typeof f[k] === "string" ? f[k] : label };
  const type = String(f.USER_TYPE_ID);
  return {
    ID: String(id),
    ENTITY_ID: "USER",
    FIELD_NAME: name,
    USER_TYPE_ID: type,
    XML_ID: typeof f.XML_ID === "string" ? f.XML_ID : null,
    SORT: String(Number(f.SORT ?? 100) || 100),
    // userfieldproxy.php add(): boolean fields are never multiple; SHOW_FILTER Y is stored as E.
    MULTIPLE: type === "boolean" ? "N" : yn(f.MULTIPLE),
    MANDATORY: yn(f.MANDATORY),
    SHOW_FILTER: yn(f.SHOW_FILTER) === "Y" ? (type === "employee" ? "I" : "E") : "N",
    SHOW_IN_LIST: f.SHOW_IN_LIST === undefined ? "Y" : yn(f.SHOW_IN_LIST),
    EDIT_IN_LIST: f.EDIT_IN_LIST === undefined ? "Y" : yn(f.EDIT_IN_LIST),
    IS_SEARCHABLE: yn(f.IS_SEARCHABLE),
    SETTINGS: f.SETTINGS && typeof f.SETTINGS === "object" ? (f.SETTINGS as Record<string, unknown>) : {},
    ...labels,
  };
}

function requireAdmin(call: MethodCall): void {
  if (!call.user.admin) throw fail("Access denied.");
}

function fieldsParam(call: MethodCall): Record<string, unknown> {
  const f = call.params.fields ?? call.params.FIELDS;
  if (!f || typeof f !== "object" || Array.isArray(f)) throw fail("The 'FIELD_NAME' field is not found.\nThe 'USER_TYPE_ID' field is not found.");
  return Object.fromEntries(Object.entries(f as Record<string, unknown>).map(([k, v]) => [k.toUpperCase(), v]));
}

function add(call: MethodCall) {
  requireAdmin(call);
  const f = fieldsParam(call);
  const errs: string[] = [];
  const type = typeof f.USER_TYPE_ID === "string" ? f.USER_TYPE_ID.trim() : "";
  if (!type) errs.push("The 'USER_TYPE_ID' field is not found.");
  let name = typeof f.FIELD_NAME === "string" ? f.FIELD_NAME.trim().toUpperCase() : "";
  if (!name) errs.push("The 'FIELD_NAME' field is not found.");
  if (errs.length) throw fail(errs.join("\n"));
  // The USER proxy's name prefix is USR: FOO and UF_FOO both become UF_USR_FOO.
  if (!name.startsWith("UF_USR_")) name = `UF_USR_${name.startsWith("UF_") ? name.slice(3) : name}`;
  if (!TYPES.has(type)) throw fail("Fail to create new user field.", "ERROR_CORE");
  const defs = userFieldDefs(call.portal);
  if (defs.some((d) => d.FIELD_NAME === name)) throw fail(`Field ${name} for the USER object already exists`, "ERROR_CORE");
  const id = defs.reduce((m, d) => Math.max(m, Number(d.ID)), 0) + 1;
  defs.push(newDef(id, { ...f, FIELD_NAME: name, USER_TYPE_ID: type }));
  return { result: id };
}

function list(call: MethodCall) {
  requireAdmin(call);
  const filterRaw = call.params.filter ?? call.params.FILTER ?? {};
  const orderRaw = call.params.order ?? call.params.ORDER ?? {};
  if (typeof filterRaw !== "object" || Array.isArray(filterRaw)) throw fail("Parameter 'filter' must be array.");
  if (typeof orderRaw !== "object" || Array.isArray(orderRaw)) throw fail("Parameter 'order' must be array.");
  const terms = Object.entries(filterRaw as Record<string, unknown>).map(([key, value]) => {
    const { field, op } = parseFilterKey(key);
    if (!(KEYS as readonly string[]).includes(field)) throw fail(`Filter field ${field} is not supported.`);
    return { field, op, value };
  });
  const order = Object.entries(orderRaw as Record<string, unknown>).map(([key, dir]) => {
    const field = key.toUpperCase();
    if (!(KEYS as readonly string[]).includes(field)) throw fail(`Sort field ${field} is not supported.`);
    return { field, desc: String(dir).toUpperCase() === "DESC" };
  });
  const value = (d: UserFieldDef, f: string) => (f === "ID" || f === "SORT" ? Number(d[f]) : d[f as keyof UserFieldDef]);
  const rows = userFieldDefs(call.portal)
    .filter((d) => terms.every((t) => matches(value(d, t.field), t)))
    .sort((a, b) => {
      for (const { field, desc } of order) {
        const x = value(a, field) as string | number;
        const y = value(b, field) as string | number;
        if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
      return Number(a.ID) - Number(b.ID);
    });
  return { result: rows.map((d) => ({ ...d })), total: rows.length };
}

function defById(call: MethodCall): UserFieldDef {
  const id = Number(call.params.id ?? call.params.ID);
  if (!(id > 0)) throw fail("ID is not defined or invalid.");
  const def = userFieldDefs(call.portal).find((d) => Number(d.ID) === id);
  if (!def) throw fail(`The entity with ID '${id}' is not found.`, "ERROR_NOT_FOUND");
  return def;
}

function update(call: MethodCall) {
  requireAdmin(call);
  const def = defById(call);
  const f = fieldsParam(call);
  // ENTITY_ID, FIELD_NAME and USER_TYPE_ID are immutable (userfieldproxy.php getFields: isImmutable).
  for (const k of ["XML_ID", "SORT", "MANDATORY", "SHOW_IN_LIST", "EDIT_IN_LIST", "IS_SEARCHABLE", ...LABELS] as const) {
    if (f[k] === undefined) continue;
    if (k === "SORT") def.SORT = String(Number(f.SORT) || 100);
    else if (k === "XML_ID") def.XML_ID = String(f.XML_ID);
    else if ((LABELS as readonly string[]).includes(k)) (def as unknown as Record<string, unknown>)[k] = typeof f[k] === "object" ? f[k] : { en: String(f[k]) };
    else (def as unknown as Record<string, unknown>)[k] = yn(f[k]);
  }
  if (f.MULTIPLE !== undefined && def.USER_TYPE_ID !== "boolean") def.MULTIPLE = yn(f.MULTIPLE);
  if (f.SHOW_FILTER !== undefined) def.SHOW_FILTER = yn(f.SHOW_FILTER) === "Y" ? (def.USER_TYPE_ID === "employee" ? "I" : "E") : "N";
  if (f.SETTINGS && typeof f.SETTINGS === "object") def.SETTINGS = { ...def.SETTINGS, ...(f.SETTINGS as Record<string, unknown>) };
  return { result: true };
}

function remove(call: MethodCall) {
  requireAdmin(call);
  const def = defById(call);
  call.portal.userFieldDefs = userFieldDefs(call.portal).filter((d) => d !== def);
  for (const u of call.portal.users.values()) delete u.userFields[def.FIELD_NAME];
  return { result: true };
}

defineMethods(
  { name: "user.userfield.add", scope: SCOPE, handler: add },
  { name: "user.userfield.list", scope: SCOPE, handler: list },
  { name: "user.userfield.update", scope: SCOPE, handler: update },
  { name: "user.userfield.delete", scope: SCOPE, handler: remove },
);
