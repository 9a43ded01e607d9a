/**
 * department.get / department.update (b24restdocs api-reference/departments/department-get.md,
 * department-update.md): IDs and parents as strings, UF_HEAD as a string when set; changes need
 * an administrator (ERROR_CORE "Access denied").
 */
import { errors } from "../../rest/errors";
import { defineMethods, pageOf, readStart, type MethodCall } from "../../rest/method-registry";
import type { Department } from "../../state/types";
import { matches, parseFilterKey } from "./filter";

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
      return d.parentId ?? "";
    case "UF_HEAD":
      return d.headUserId ?? "";
    default:
      return undefined;
  }
}

function departmentGet(call: MethodCall) {
  const p = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k.toUpperCase(), v]));
  const source = p.FILTER && typeof p.FILTER === "object" ? (p.FILTER as Record<string, unknown>) : p;
  const terms = Object.entries(source)
    .map(([k, v]) => ({ ...parseFilterKey(k), value: v }))
    .filter((t) => ["ID", "NAME", "SORT", "PARENT", "UF_HEAD"].includes(t.field));
  const list = [...call.portal.departments.values()].filter((d) => terms.every((t) => matches(value(d, t.field), t)));
  const sort = typeof p.SORT === "string" ? p.SORT.toUpperCase() : "ID";
  const dir = typeof p.ORDER === "string" && p.ORDER.toUpperCase() === "DESC" ? -1 : 1;
  list.sort((a, b) => {
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
  if (!call.user.admin) throw errors.core("Access denied");
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

defineMethods(
  { name: "department.get", scope: "department", handler: departmentGet },
  { name: "department.update", scope: "department", handler: departmentUpdate },
  {
    name: "department.fields",
    scope: "department",
    handler: () => ({ result: { ID: "ID", NAME: "Department name", SORT: "Sort", PARENT: "Parent department", UF_HEAD: "Supervisor" } }),
  },
);
