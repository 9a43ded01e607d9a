/**
 * department.get / department.update (b24restdocs api-reference/departments/department-get.md,
 * department-update.md), read as the server does them (modules/intranet/classes/general/rest.php,
 * CIntranetRestService):
 * - department.get: an array `FILTER` (upper-case key) replaces the whole query; the filter keys
 *   are exactly ID, NAME, SORT, PARENT, UF_HEAD (case-sensitive, no operator prefixes — anything
 *   else, e.g. `filter` or `>ID`, filters nothing); IDs, SORT, PARENT and UF_HEAD are read as
 *   integers (a list means "any of"), NAME as the iblock's case-insensitive LIKE. `sort` / `order`
 *   are read in any case: a sort field outside those five is ignored and the list stays in tree
 *   order (LEFT_MARGIN); an order other than DESC is ASC. An upper-case `SORT` is both, as there.
 * - Records: ID and PARENT as strings, SORT as a number, UF_HEAD as a string; PARENT and UF_HEAD
 *   only when set.
 * - department.update: an administrator only ("Access denied!"), "Department not found" for an
 *   unknown ID; only the fields sent change.
 * - department.add (department-add.md): an administrator only; NAME required ("The department name
 *   is not provided.<br>"), PARENT required and known ("There can only be one top-level
 *   department in the company structure"); answers the new ID. department.delete
 *   (department-delete.md): "Department not found" for an unknown ID; its sub-departments and
 *   employees move to its parent, as the structure editor does.
 */
import { errors } from "../../rest/errors";
import { defineMethods, pageOf, readStart, type MethodCall } from "../../rest/method-registry";
import type { Department, Portal } from "../../state/types";
import { matches } from "./filter";

const FIELDS = ["ID", "NAME", "SORT", "PARENT", "UF_HEAD"];

function record(d: Department): Record<string, unknown> {
  return {
    ID: String(d.id),
    NAME: d.name,
    SORT: d.sort,
    ...(d.parentId !== null ? { PARENT: String(d.parentId) } : {}),
    ...(d.headUserId !== null ? { UF_HEAD: String(d.headUserId) } : {}),
  };
}

function value(d: Department, field: string): unknown {
  switch (field) {
    case "ID":
      return d.id;
    case "NAME":
      return d.name;
    case "SORT":
      return d.sort;
    case "PARENT":
      return d.parentId ?? 0;
    case "UF_HEAD":
      return d.headUserId ?? 0;
    default:
      return undefined;
  }
}

/** PHP intval: leading digits, else 0. */
const intval = (v: unknown) => {
  const m = /^\s*[+-]?\d+/.exec(String(v ?? ""));
  return m ? Number(m[0]) : 0;
};

/** The iblock's section tree (LEFT_MARGIN): parents before children, siblings by SORT, then NAME, then ID. */
function treeOrder(portal: Portal): Map<number, number> {
  const children = new Map<number | null, Department[]>();
  for (const d of portal.departments.values()) {
    const parent = d.parentId !== null && portal.departments.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const order = new Map<number, number>();
  const walk = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name) || a.id - b.id);
    for (const d of list) {
      order.set(d.id, order.size);
      walk(d.id);
    }
  };
  walk(null);
  return order;
}

function departmentGet(call: MethodCall) {
  const query =
    call.params.FILTER && typeof call.params.FILTER === "object" && !Array.isArray(call.params.FILTER)
      ? (call.params.FILTER as Record<string, unknown>)
      : call.params;
  const terms = Object.entries(query)
    .filter(([k]) => FIELDS.includes(k))
    .map(([field, v]) =>
      field === "NAME" ? { field, op: "=%", value: String(v ?? "") } : { field, op: "=", value: Array.isArray(v) ? v.map(intval) : intval(v) },
    );
  const list = [...call.portal.departments.values()].filter((d) => terms.every((t) => matches(value(d, t.field), t)));
  const upper = Object.fromEntries(Object.entries(query).map(([k, v]) => [k.toUpperCase(), v]));
  const sort = typeof upper.SORT === "string" && FIELDS.includes(upper.SORT.toUpperCase()) ? upper.SORT.toUpperCase() : null;
  const dir = typeof upper.ORDER === "string" && upper.ORDER.toUpperCase() === "DESC" ? -1 : 1;
  const tree = treeOrder(call.portal);
  list.sort((a, b) => {
    if (!sort) return tree.get(a.id)! - tree.get(b.id)!;
    const x = value(a, sort);
    const y = value(b, sort);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""));
    return c * dir || a.id - b.id;
  });
  const { page, total, next } = pageOf(list, readStart(call.params));
  return { result: page.map(record), total, next };
}

function departmentUpdate(call: MethodCall) {
  const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
  if (!call.user.admin) throw errors.core("Access denied!");
  const d = call.portal.departments.get(Number(p.ID));
  if (!d) throw errors.core("Department not found");
  if (typeof p.NAME === "string" && p.NAME) d.name = p.NAME;
  if (p.SORT !== undefined) d.sort = Number(p.SORT) || d.sort;
  if (p.PARENT !== undefined) {
    const parent = Number(p.PARENT);
    if (parent === d.id || (parent && !call.portal.departments.has(parent))) throw errors.core("Department not found");
    d.parentId = parent || null;
  }
  if (p.UF_HEAD !== undefined) d.headUserId = Number(p.UF_HEAD) || null;
  return { result: true };
}

function departmentAdd(call: MethodCall) {
  const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
  if (!call.user.admin) throw errors.core("Access denied!");
  const name = typeof p.NAME === "string" ? p.NAME.trim() : "";
  if (!name) throw errors.core("The department name is not provided.<br>");
  const parent = intval(p.PARENT);
  if (!call.portal.departments.has(parent)) throw errors.core("There can only be one top-level department in the company structure");
  const id = Math.max(0, ...call.portal.departments.keys()) + 1;
  const head = intval(p.UF_HEAD);
  call.portal.departments.set(id, { id, name, parentId: parent, headUserId: head > 0 ? head : null, sort: p.SORT !== undefined ? intval(p.SORT) : 500 });
  return { result: id };
}

function departmentDelete(call: MethodCall) {
  const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
  if (!call.user.admin) throw errors.core("Access denied!");
  const d = call.portal.departments.get(intval(p.ID));
  if (!d) throw errors.core("Department not found");
  for (const child of call.portal.departments.values()) if (child.parentId === d.id) child.parentId = d.parentId;
  for (const u of call.portal.users.values()) {
    if (!u.departmentIds.includes(d.id)) continue;
    u.departmentIds = [...new Set(u.departmentIds.map((x) => (x === d.id ? (d.parentId ?? x) : x)))].filter((x) => x !== d.id);
  }
  call.portal.departments.delete(d.id);
  return { result: true };
}

defineMethods(
  { name: "department.add", scope: "department", handler: departmentAdd },
  { name: "department.delete", scope: "department", handler: departmentDelete },
  { name: "department.get", scope: "department", handler: departmentGet },
  { name: "department.update", scope: "department", handler: departmentUpdate },
  {
    name: "department.fields",
    scope: "department",
    handler: () => ({ result: { ID: "ID", NAME: "Department name", SORT: "Sort", PARENT: "Parent department", UF_HEAD: "Supervisor" } }),
  },
);
