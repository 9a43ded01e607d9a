/**
 * Applies `fields` of crm.*.add / update (both generations) to a row. Keys are matched in either
 * spelling. Multi-fields (EMAIL, PHONE) take the documented format: a list of
 * {VALUE, VALUE_TYPE} to add, with ID to change an existing value and DELETE=Y to remove it
 * (b24restdocs api-reference/crm/data-types.md, crm_multifield).
 */
import type { PortalData } from "../../state/portal-data";
import type { MethodCall } from "../../rest/method-registry";
import { crmEmails, crmPhones, type MultiField } from "../../seed/derive";
import { normKey } from "../../seed/field-view";
import { secondsFromIso } from "../../seed/table";

const fmCounters = new WeakMap<PortalData, number>();
function nextFmId(d: PortalData): string {
  const n = (fmCounters.get(d) ?? 90_000_000) + 1;
  fmCounters.set(d, n);
  return String(n);
}

/** A field value the API refuses: the caller turns it into the method's error shape. */
export class FieldError extends Error {}

function mergeMulti(d: PortalData, current: MultiField[], value: unknown, type: "EMAIL" | "PHONE"): MultiField[] {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  const out = current.map((m) => ({ ...m }));
  for (const raw of list as Array<Record<string, unknown>>) {
    if (!raw || typeof raw !== "object") continue;
    const id = raw.ID !== undefined ? String(raw.ID) : undefined;
    const existing = id ? out.findIndex((m) => m.ID === id) : -1;
    if (existing >= 0 && String(raw.DELETE ?? "").toUpperCase() === "Y") out.splice(existing, 1);
    else if (existing >= 0)
      out[existing] = { ...out[existing], VALUE: String(raw.VALUE ?? out[existing].VALUE), VALUE_TYPE: String(raw.VALUE_TYPE ?? out[existing].VALUE_TYPE) };
    else if (String(raw.VALUE ?? "").trim())
      out.push({ ID: nextFmId(d), VALUE_TYPE: String(raw.VALUE_TYPE ?? "WORK"), VALUE: String(raw.VALUE).trim(), TYPE_ID: type });
  }
  return out;
}

function intOf(value: unknown): number {
  if (Array.isArray(value)) value = value[0];
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? Math.floor(n) : 0;
}

export function applyCrmFields(call: MethodCall, etid: number, row: number, fields: Record<string, unknown>): void {
  const d = call.portal.data;
  const t = d.crm.get(etid)!;
  const writes: Array<() => void> = [];
  const userRef = (name: string, v: unknown) => {
    const id = intOf(v);
    if (!call.portal.users.has(id)) throw new FieldError(name);
    return id;
  };
  const catOf = () => ((fields.CATEGORY_ID ?? fields.categoryId) !== undefined ? intOf(fields.CATEGORY_ID ?? fields.categoryId) : t.int("categoryId", row));
  for (const [key, value] of Object.entries(fields)) {
    switch (normKey(key)) {
      case "assignedbyid": {
        const id = userRef(key, value);
        writes.push(() => t.setInt("assignedById", row, id));
        break;
      }
      case "title":
      case "name":
      case "lastname":
      case "secondname":
      case "post":
      case "comments": {
        const field = normKey(key) === "lastname" ? "lastName" : normKey(key) === "secondname" ? "secondName" : normKey(key);
        writes.push(() => t.setOverride(row, field, String(value ?? "")));
        break;
      }
      case "opened":
        writes.push(() => t.setInt("opened", row, String(value).toUpperCase() === "Y" || value === true || value === "1" ? 1 : 0));
        break;
      case "opportunity":
        writes.push(() => t.setInt("opportunity", row, Math.round(Number(value) || 0)));
        break;
      case "contactid":
        writes.push(() => t.setInt("contactId", row, intOf(value)));
        break;
      case "contactids":
        writes.push(() => t.setInt("contactId", row, intOf(value)));
        break;
      case "companyid":
        writes.push(() => t.setInt("companyId", row, intOf(value)));
        break;
      case "categoryid":
        writes.push(() => t.setInt("categoryId", row, intOf(value)));
        break;
      case "stageid":
      case "statusid": {
        const cat = catOf();
        const stages = d.catalog.stagesOf.get(`${etid}:${cat}`) ?? [];
        const idx = stages.find((i) => d.catalog.statuses[i].statusId === String(value));
        if (idx === undefined) throw new FieldError(key);
        writes.push(() => t.setInt("stage", row, idx));
        break;
      }
      case "observers": {
        const list = (Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : value ? [value] : []).map(Number);
        for (const id of list) if (!call.portal.users.has(id)) throw new FieldError(key);
        writes.push(() => t.setOverride(row, "observers", [...new Set(list)]));
        break;
      }
      case "email":
        writes.push(() => t.setOverride(row, "EMAIL", mergeMulti(d, crmEmails(d, etid, row), value, "EMAIL")));
        break;
      case "phone":
        writes.push(() => t.setOverride(row, "PHONE", mergeMulti(d, crmPhones(d, etid, row), value, "PHONE")));
        break;
      case "begindate":
      case "closedate": {
        if (value && secondsFromIso(String(value)) === null) throw new FieldError(key);
        break;
      }
      default:
        break; // accepted, not kept by the emulator
    }
  }
  for (const w of writes) w();
  t.setInt("updatedBy", row, call.user.id);
  t.setInt("updatedAt", row, Math.floor(call.now.getTime() / 1000));
}

/** Makes a new row with the defaults a portal gives (first stage of the pipeline, open to all). */
export function newCrmRow(call: MethodCall, etid: number, fields: Record<string, unknown>): number {
  const d = call.portal.data;
  const t = d.crm.get(etid)!;
  const cat = intOf(fields.CATEGORY_ID ?? fields.categoryId ?? d.catalog.categories.find((c) => c.entityTypeId === etid && c.isDefault)?.id ?? 0);
  const row = t.addRow();
  const now = Math.floor(call.now.getTime() / 1000);
  t.setInt("assignedById", row, call.user.id);
  t.setInt("createdBy", row, call.user.id);
  t.setInt("createdAt", row, now);
  t.setInt("categoryId", row, cat);
  t.setInt("opened", row, 1);
  t.setInt("stage", row, d.catalog.stagesOf.get(`${etid}:${cat}`)?.[0] ?? -1);
  for (const k of ["title", "name", "lastName", "secondName", "post", "comments"]) t.setOverride(row, k, "");
  for (const k of ["EMAIL", "PHONE", "observers"]) t.setOverride(row, k, []);
  try {
    applyCrmFields(call, etid, row, fields);
  } catch (e) {
    t.length--;
    throw e;
  }
  return row;
}
