/**
 * The fields of CRM items, once, for both generations of methods: UPPER_CASE for crm.lead.* /
 * crm.deal.* / crm.contact.* / crm.company.* (values printed as strings, e.g. "ID": "410",
 * "OPPORTUNITY": "1000000.00", per b24restdocs api-reference/crm/deals/crm-deal-get.md,
 * contacts/crm-contact-get.md) and camelCase for crm.item.* (numbers stay numbers, per
 * api-reference/crm/universal/crm-item-list.md and object-fields.md).
 */
import type { PortalData } from "../../state/portal-data";
import { ENTITY, referenceValues } from "../../seed/crm-catalog";
import { crmComments, crmEmails, crmObservers, crmPerson, crmPhones, crmTitle, type MultiField } from "../../seed/derive";
import { makeView, type FieldDef, type FieldKind, type View } from "../../seed/field-view";
import { isoFromSeconds } from "../../seed/table";

export interface CrmField {
  upper: string;
  camel: string;
  kind: FieldKind | "multi";
  /** Entity types that have the field; undefined = all. */
  only?: readonly number[];
  /** Raw value: number (0 = empty for references), string, number[], MultiField[]. */
  get(d: PortalData, etid: number, row: number): unknown;
  /** A reference to another record/user: 0 prints as null. */
  ref?: boolean;
  /** Printed only when asked for by name (EMAIL, PHONE in the old methods). */
  explicit?: boolean;
  itemOnly?: boolean;
  legacyOnly?: boolean;
}

const L = ENTITY.lead,
  D = ENTITY.deal,
  C = ENTITY.contact,
  CO = ENTITY.company,
  Q = ENTITY.quote,
  I = ENTITY.invoice;
const PERSON = [L, C] as const;
const col = (name: Parameters<PortalData["tasks"]["col"]>[0] | string) => (d: PortalData, etid: number, row: number) =>
  d.crm.get(etid)!.int(name as never, row);
const stage = (d: PortalData, etid: number, row: number) => d.catalog.statuses[d.crm.get(etid)!.int("stage", row)];
const isDynamic = (etid: number) => etid >= 128;
const hasStages = (etid: number) => etid !== C && etid !== CO;
const fromRef =
  (list: string) =>
  (d: PortalData, _e: number, row: number, c = "typeRef") => {
    const values = referenceValues(d.catalog, list);
    return values[d.crm.get(_e)!.int(c as never, row) % values.length] ?? "";
  };

export const CRM_FIELDS: CrmField[] = [
  { upper: "ID", camel: "id", kind: "int", get: (_d, _e, r) => r + 1 },
  { upper: "TITLE", camel: "title", kind: "string", only: [L, D, CO, Q, I], get: (d, e, r) => crmTitle(d, e, r) },
  { upper: "NAME", camel: "name", kind: "string", only: PERSON, get: (d, e, r) => crmPerson(d, e, r).name },
  { upper: "SECOND_NAME", camel: "secondName", kind: "string", only: PERSON, get: (d, e, r) => crmPerson(d, e, r).secondName },
  { upper: "LAST_NAME", camel: "lastName", kind: "string", only: PERSON, get: (d, e, r) => crmPerson(d, e, r).lastName },
  { upper: "POST", camel: "post", kind: "string", only: PERSON, get: (d, e, r) => crmPerson(d, e, r).post },
  {
    upper: "TYPE_ID",
    camel: "typeId",
    kind: "string",
    only: [D, C, CO],
    get: (d, e, r) => fromRef(e === D ? "DEAL_TYPE" : e === C ? "CONTACT_TYPE" : "COMPANY_TYPE")(d, e, r),
  },
  { upper: "INDUSTRY", camel: "industry", kind: "string", only: [CO], get: (d, e, r) => fromRef("INDUSTRY")(d, e, r) },
  { upper: "SOURCE_ID", camel: "sourceId", kind: "string", only: [L, D, C], get: (d, e, r) => fromRef("SOURCE")(d, e, r, "source") },
  // Leads and quotes name their stage STATUS_ID in the old methods (crm-lead-fields.md, crm-quote-fields.md).
  { upper: "STATUS_ID", camel: "statusId", kind: "string", only: [L, Q], legacyOnly: true, get: (d, e, r) => stage(d, e, r)?.statusId ?? "" },
  { upper: "STATUS_SEMANTIC_ID", camel: "statusSemanticId", kind: "string", only: [L], legacyOnly: true, get: (d, e, r) => stage(d, e, r)?.semantics ?? "P" },
  { upper: "CATEGORY_ID", camel: "categoryId", kind: "int", get: (d, e, r) => d.crm.get(e)!.int("categoryId", r) },
  { upper: "STAGE_ID", camel: "stageId", kind: "string", get: (d, e, r) => (hasStages(e) ? (stage(d, e, r)?.statusId ?? "") : "") },
  { upper: "STAGE_SEMANTIC_ID", camel: "stageSemanticId", kind: "string", get: (d, e, r) => (hasStages(e) ? (stage(d, e, r)?.semantics ?? "P") : "") },
  { upper: "CLOSED", camel: "closed", kind: "flag", only: [D, Q], get: (d, e, r) => (stage(d, e, r)?.semantics === "P" ? "N" : "Y") },
  { upper: "OPPORTUNITY", camel: "opportunity", kind: "float", only: [L, D, Q, I], get: col("opportunity") },
  { upper: "CURRENCY_ID", camel: "currencyId", kind: "string", only: [L, D, Q, I], get: () => "EUR" },
  { upper: "COMPANY_ID", camel: "companyId", kind: "int", ref: true, only: [L, D, C, Q, I], get: col("companyId") },
  { upper: "CONTACT_ID", camel: "contactId", kind: "int", ref: true, only: [L, D, Q, I], get: col("contactId") },
  {
    upper: "CONTACT_IDS",
    camel: "contactIds",
    kind: "list",
    only: [D, Q, I],
    itemOnly: true,
    get: (d, e, r) => (d.crm.get(e)!.int("contactId", r) ? [d.crm.get(e)!.int("contactId", r)] : []),
  },
  { upper: "COMMENTS", camel: "comments", kind: "string", get: (d, e, r) => crmComments(d, e, r) },
  { upper: "OPENED", camel: "opened", kind: "flag", get: (d, e, r) => (d.crm.get(e)!.int("opened", r) ? "Y" : "N") },
  { upper: "ASSIGNED_BY_ID", camel: "assignedById", kind: "int", ref: true, get: col("assignedById") },
  { upper: "CREATED_BY_ID", camel: "createdBy", kind: "int", ref: true, get: col("createdBy") },
  { upper: "MODIFY_BY_ID", camel: "updatedBy", kind: "int", ref: true, get: col("updatedBy") },
  { upper: "DATE_CREATE", camel: "createdTime", kind: "date", get: col("createdAt") },
  { upper: "DATE_MODIFY", camel: "updatedTime", kind: "date", get: col("updatedAt") },
  { upper: "HAS_EMAIL", camel: "hasEmail", kind: "flag", only: [L, C, CO], get: (d, e, r) => (crmEmails(d, e, r).length ? "Y" : "N") },
  { upper: "HAS_PHONE", camel: "hasPhone", kind: "flag", only: [L, C, CO], get: (d, e, r) => (crmPhones(d, e, r).length ? "Y" : "N") },
  { upper: "OBSERVERS", camel: "observers", kind: "list", itemOnly: true, get: (d, e, r) => crmObservers(d, e, r) },
  { upper: "ENTITY_TYPE_ID", camel: "entityTypeId", kind: "int", itemOnly: true, get: (_d, e) => e },
  { upper: "EMAIL", camel: "email", kind: "multi", only: [L, C, CO], explicit: true, legacyOnly: true, get: (d, e, r) => crmEmails(d, e, r) },
  { upper: "PHONE", camel: "phone", kind: "multi", only: [L, C, CO], explicit: true, legacyOnly: true, get: (d, e, r) => crmPhones(d, e, r) },
  {
    upper: "FM",
    camel: "fm",
    kind: "multi",
    only: [L, C, CO],
    explicit: true,
    itemOnly: true,
    get: (d, e, r) => [...crmEmails(d, e, r), ...crmPhones(d, e, r)],
  },
];

export function fieldsOf(etid: number, flavour: "legacy" | "item"): CrmField[] {
  return CRM_FIELDS.filter(
    (f) =>
      (!f.only ||
        f.only.includes(etid) ||
        (isDynamic(etid) &&
          (f.upper === "TITLE" ||
            f.upper === "CONTACT_ID" ||
            f.upper === "COMPANY_ID" ||
            f.upper === "OPPORTUNITY" ||
            f.upper === "CURRENCY_ID" ||
            f.upper === "CONTACT_IDS"))) &&
      !(flavour === "legacy" ? f.itemOnly : f.legacyOnly) &&
      // Contacts/companies have no pipeline stages in either generation.
      !(!hasStages(etid) && (f.upper === "STAGE_ID" || f.upper === "STAGE_SEMANTIC_ID" || f.upper === "CATEGORY_ID")) &&
      // Leads and quotes name their stage STATUS_ID in the old methods, and have no pipelines there.
      !((etid === L || etid === Q) && flavour === "legacy" && (f.upper === "STAGE_ID" || f.upper === "STAGE_SEMANTIC_ID" || f.upper === "CATEGORY_ID")),
  );
}

const views = new WeakMap<PortalData, Map<string, View>>();

/** Filter view of one entity type; keys match both spellings (query.ts normKey). */
export function crmView(d: PortalData, etid: number, flavour: "legacy" | "item"): View {
  let byKey = views.get(d);
  if (!byKey) views.set(d, (byKey = new Map()));
  const key = `${etid}:${flavour}`;
  let v = byKey.get(key);
  if (v) return v;
  const defs: Record<string, FieldDef> = {};
  const t = () => d.crm.get(etid)!;
  const colFor: Record<string, string> = {
    ASSIGNED_BY_ID: "assignedById",
    CREATED_BY_ID: "createdBy",
    MODIFY_BY_ID: "updatedBy",
    COMPANY_ID: "companyId",
    CONTACT_ID: "contactId",
    CATEGORY_ID: "categoryId",
  };
  for (const f of fieldsOf(etid, flavour)) {
    if (f.kind === "multi") {
      // The old methods filter by EMAIL / PHONE (any of the record's values).
      if (flavour === "legacy") defs[f.upper] = { kind: "texts", get: (r) => (f.get(d, etid, r) as MultiField[]).map((m) => m.VALUE) };
      continue;
    }
    const c = colFor[f.upper];
    const def: FieldDef = c
      ? {
          kind: "int",
          get: (r) => t().int(c as never, r),
          get column() {
            return t().col(c as never);
          },
        }
      : { kind: f.kind, get: (r) => f.get(d, etid, r) };
    defs[f.upper] = def;
    defs[f.camel] = def;
  }
  // The old methods' aliases: the deal's lead stage filter, crm.item's createdBy.
  if (defs.CREATED_BY_ID) defs.CREATED_BY = defs.CREATED_BY_ID;
  v = makeView(defs);
  byKey.set(key, v);
  return v;
}

/** Formats a row for output. `names` = fields to print (by upper name). */
export function formatCrm(d: PortalData, etid: number, row: number, fields: CrmField[], flavour: "legacy" | "item"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = f.get(d, etid, row);
    // The old methods leave a multi-field without values out entirely (a contact without an
    // e-mail has no EMAIL key), where crm.item prints `fm: []`.
    if (flavour === "legacy" && f.kind === "multi" && (raw as MultiField[]).length === 0) continue;
    const key = flavour === "legacy" ? f.upper : f.camel;
    out[key] = flavour === "legacy" ? legacyValue(f, raw) : itemValue(f, raw);
  }
  return out;
}

function legacyValue(f: CrmField, raw: unknown): unknown {
  switch (f.kind) {
    case "int":
      return f.ref && !raw ? null : String(raw);
    case "float":
      return Number(raw).toFixed(2);
    case "date":
      return raw ? isoFromSeconds(raw as number) : null;
    case "list":
      return (raw as number[]).map(String);
    case "multi":
      return raw as MultiField[];
    default:
      return raw === "" ? null : raw;
  }
}

function itemValue(f: CrmField, raw: unknown): unknown {
  switch (f.kind) {
    case "int":
      return f.ref && !raw ? null : Number(raw);
    case "float":
      return Number(raw);
    case "date":
      return raw ? isoFromSeconds(raw as number) : null;
    case "multi":
      return (raw as MultiField[]).map((m) => ({ id: Number(m.ID), typeId: m.TYPE_ID, valueType: m.VALUE_TYPE, value: m.VALUE }));
    default:
      return raw === "" ? null : raw;
  }
}

/** Resolves `select`: null → defaults (all but explicit ones); "*" → the same; names → those. */
export function selectFields(etid: number, flavour: "legacy" | "item", select: string[] | null): CrmField[] {
  const all = fieldsOf(etid, flavour);
  if (!select) return all.filter((f) => !f.explicit);
  const wanted = new Set(select.map((s) => s.replace(/_/g, "").toLowerCase()));
  const star = wanted.has("*");
  // crm.item.list: the `fm` multi-field comes only with "*" (crm-item-list.md, select).
  return all.filter(
    (f) =>
      f.upper === "ID" ||
      (star && (!f.explicit || (flavour === "item" && f.upper === "FM"))) ||
      wanted.has(f.upper.replace(/_/g, "").toLowerCase()) ||
      wanted.has(f.camel.toLowerCase()),
  );
}
