/**
 * crm.duplicate.findbycomm: which leads, contacts and companies have these e-mails or phones.
 * Follows b24restdocs api-reference/crm/duplicates/crm-duplicate-find-by-comm.md: `type` EMAIL or
 * PHONE, `values` up to 20, optional `entity_type` LEAD / CONTACT / COMPANY; result
 * `{"CONTACT": [ids], ...}` (an empty result is PHP's empty array `[]`); 20 or more matches of
 * one type stop the search of the other types. E-mails compare case-insensitively, phones by digits.
 */
import { defineMethods, RestError, type MethodCall } from "../../rest/method-registry";
import type { PortalData } from "../../state/portal-data";
import { ENTITY } from "../../seed/crm-catalog";
import { crmEmails, crmPhones } from "../../seed/derive";
import { param } from "../../seed/read-params";

const TYPES: Array<[string, number]> = [
  ["LEAD", ENTITY.lead],
  ["CONTACT", ENTITY.contact],
  ["COMPANY", ENTITY.company],
];
const MAX_VALUES = 20;

const normalise = (type: "EMAIL" | "PHONE", v: string) => (type === "EMAIL" ? v.trim().toLowerCase() : v.replace(/\D/g, ""));

const indexes = new WeakMap<PortalData, Map<string, { version: number; map: Map<string, number[]> }>>();

/** value → IDs, rebuilt only when the table changed since the last lookup. */
function indexOf(d: PortalData, etid: number, type: "EMAIL" | "PHONE"): Map<string, number[]> {
  let byKey = indexes.get(d);
  if (!byKey) indexes.set(d, (byKey = new Map()));
  const t = d.crm.get(etid)!;
  const key = `${etid}:${type}`;
  const hit = byKey.get(key);
  if (hit && hit.version === t.version) return hit.map;
  const map = new Map<string, number[]>();
  for (let r = 0; r < t.length; r++) {
    if (t.isRemoved(r)) continue;
    for (const m of type === "EMAIL" ? crmEmails(d, etid, r) : crmPhones(d, etid, r)) {
      const k = normalise(type, m.VALUE);
      const list = map.get(k);
      if (!list) map.set(k, [r + 1]);
      else if (list[list.length - 1] !== r + 1) list.push(r + 1);
    }
  }
  byKey.set(key, { version: t.version, map });
  return map;
}

function findByComm(call: MethodCall) {
  const type = String(param(call.params, "type") ?? "").toUpperCase();
  if (!type) throw new RestError("", "Communication type is not defined.", 400);
  if (type !== "EMAIL" && type !== "PHONE") throw new RestError("", `Communication type '${type}' is not supported in current context.`, 400);
  const raw = param(call.params, "values");
  const values = (Array.isArray(raw) ? raw : raw && typeof raw === "object" ? Object.values(raw) : raw ? [raw] : []).map(String).filter((v) => v.trim());
  if (values.length === 0) throw new RestError("", "Communication values is not defined.", 400);
  if (values.length > MAX_VALUES) throw new RestError("", `Too many communication values. Maximum is ${MAX_VALUES}.`, 400);
  if (call.user.userType === "extranet") throw new RestError("", "Access denied.", 403);
  const only = String(param(call.params, "entity_type") ?? "").toUpperCase();
  const result: Record<string, number[]> = {};
  for (const [name, etid] of TYPES) {
    if (only && only !== name) continue;
    const index = indexOf(call.portal.data, etid, type);
    const ids = new Set<number>();
    for (const v of values) for (const id of index.get(normalise(type, v)) ?? []) ids.add(id);
    if (ids.size) result[name] = [...ids].sort((a, b) => a - b);
    if (ids.size >= 20) break;
  }
  return { result: Object.keys(result).length ? result : [] };
}

defineMethods({ name: "crm.duplicate.findbycomm", scope: "crm", handler: findByComm });
