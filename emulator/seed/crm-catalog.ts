/**
 * CRM configuration of a generated portal: entity types, pipelines (categories) and their stages
 * (status entities with semantics), and the reference lists crm.status.list serves.
 *
 * Follows b24restdocs api-reference/crm/status/crm-status-list.md (ENTITY_ID values STATUS,
 * DEAL_STAGE, DEAL_STAGE_{categoryId}, QUOTE_STATUS, SMART_INVOICE_STAGE_{id},
 * DYNAMIC_{entityTypeId}_STAGE_{categoryId}; SEMANTICS null = in progress, S = success,
 * F = failure), crm/universal/category/crm-category-list.md and
 * crm/universal/user-defined-object-types/crm-type-list.md (smart-process entityTypeId: dynamic
 * types are numbered from 128; newer portals give even numbers from 1030 up, so we seed one of each).
 */
export const ENTITY = { lead: 1, deal: 2, contact: 3, company: 4, quote: 7, invoice: 31 } as const;

export interface CrmType {
  id: number;
  entityTypeId: number;
  title: string;
  createdBy: number;
  createdTime: string;
  isCategoriesEnabled: boolean;
  isObserversEnabled: boolean;
}

export interface CrmCategory {
  id: number;
  entityTypeId: number;
  name: string;
  sort: number;
  isDefault: boolean;
}

export type Semantics = "P" | "S" | "F";

export interface CrmStatus {
  /** Row ID as crm.status.list prints it. */
  id: number;
  entityId: string;
  statusId: string;
  name: string;
  sort: number;
  semantics: Semantics;
  color: string;
  /** Pipeline of a stage; null for reference lists and non-category entities. */
  categoryId: number | null;
  /** CRM entity type the stage belongs to; 0 for reference lists (SOURCE, CONTACT_TYPE…). */
  entityTypeId: number;
}

export interface CrmCatalog {
  types: CrmType[];
  categories: CrmCategory[];
  statuses: CrmStatus[];
  /** Stage indexes (into statuses) by `${entityTypeId}:${categoryId}`. */
  stagesOf: Map<string, number[]>;
}

const COLORS = ["#39A8EF", "#2FC6F6", "#55D0E0", "#47E4C2", "#FFA900", "#7BD500", "#FF5752"];

export function buildCatalog(): CrmCatalog {
  const statuses: CrmStatus[] = [];
  const stagesOf = new Map<string, number[]>();
  let nextId = 1;
  const add = (entityTypeId: number, categoryId: number | null, entityId: string, list: Array<[string, string, Semantics]>) => {
    const idx: number[] = [];
    list.forEach(([statusId, name, semantics], i) => {
      idx.push(statuses.length);
      statuses.push({ id: nextId++, entityId, statusId, name, sort: (i + 1) * 10, semantics, color: COLORS[i % COLORS.length], categoryId, entityTypeId });
    });
    if (entityTypeId) stagesOf.set(`${entityTypeId}:${categoryId ?? 0}`, idx);
  };

  add(ENTITY.lead, null, "STATUS", [
    ["NEW", "Unassigned", "P"],
    ["IN_PROCESS", "In progress", "P"],
    ["PROCESSED", "Processed", "P"],
    ["CONVERTED", "Good lead", "S"],
    ["JUNK", "Junk lead", "F"],
  ]);
  const dealStages: Array<[string, string, Semantics]> = [
    ["NEW", "New", "P"],
    ["PREPARATION", "Document preparation", "P"],
    ["PREPAYMENT_INVOICE", "Prepayment invoice", "P"],
    ["EXECUTING", "In progress", "P"],
    ["FINAL_INVOICE", "Final invoice", "P"],
    ["WON", "Deal won", "S"],
    ["LOSE", "Deal lost", "F"],
    ["APOLOGY", "Analyze failure", "F"],
  ];
  const categories: CrmCategory[] = [
    { id: 0, entityTypeId: ENTITY.deal, name: "General", sort: 100, isDefault: true },
    { id: 1, entityTypeId: ENTITY.deal, name: "Partners", sort: 200, isDefault: false },
    { id: 2, entityTypeId: ENTITY.deal, name: "Tenders", sort: 300, isDefault: false },
  ];
  add(ENTITY.deal, 0, "DEAL_STAGE", dealStages);
  for (const c of [1, 2])
    add(
      ENTITY.deal,
      c,
      `DEAL_STAGE_${c}`,
      dealStages
        .slice(0, 4)
        .concat(dealStages.slice(5, 7))
        .map(([s, n, m]) => [`C${c}:${s}`, n, m]),
    );

  add(ENTITY.quote, null, "QUOTE_STATUS", [
    ["DRAFT", "New", "P"],
    ["SENT", "Sent to client", "P"],
    ["APPROVED", "Approved", "S"],
    ["DECLAINED", "Declined", "F"],
  ]);
  // Smart invoices and smart processes always have categories (crm.item docs: categoryId).
  categories.push({ id: 3, entityTypeId: ENTITY.invoice, name: "Invoices", sort: 100, isDefault: true });
  add(ENTITY.invoice, 3, "SMART_INVOICE_STAGE_3", [
    ["DT31_3:N", "New", "P"],
    ["DT31_3:S", "Sent", "P"],
    ["DT31_3:P", "Paid", "S"],
    ["DT31_3:D", "Declined", "F"],
  ]);

  const types: CrmType[] = [
    {
      id: 1,
      entityTypeId: 128,
      title: "Service requests",
      createdBy: 1,
      createdTime: "2023-03-01T10:00:00+00:00",
      isCategoriesEnabled: true,
      isObserversEnabled: true,
    },
    {
      id: 2,
      entityTypeId: 1032,
      title: "Projects delivery",
      createdBy: 1,
      createdTime: "2024-05-12T10:00:00+00:00",
      isCategoriesEnabled: false,
      isObserversEnabled: true,
    },
  ];
  let catId = 4;
  for (const t of types) {
    const cats = t.isCategoriesEnabled ? ["Default", "Premium"] : ["Default"];
    cats.forEach((name, i) => {
      const id = catId++;
      categories.push({ id, entityTypeId: t.entityTypeId, name, sort: 100 * (i + 1), isDefault: i === 0 });
      const p = `DT${t.entityTypeId}_${id}`;
      add(t.entityTypeId, id, `DYNAMIC_${t.entityTypeId}_STAGE_${id}`, [
        [`${p}:NEW`, "New", "P"],
        [`${p}:PREPARATION`, "Preparation", "P"],
        [`${p}:CLIENT`, "Waiting for client", "P"],
        [`${p}:SUCCESS`, "Success", "S"],
        [`${p}:FAIL`, "Failed", "F"],
      ]);
    });
  }

  add(0, null, "SOURCE", [
    ["CALL", "Call", "P"],
    ["EMAIL", "E-mail", "P"],
    ["WEB", "Website", "P"],
    ["ADVERTISING", "Advertising", "P"],
    ["PARTNER", "Existing client", "P"],
    ["OTHER", "Other", "P"],
  ]);
  add(0, null, "CONTACT_TYPE", [
    ["CLIENT", "Clients", "P"],
    ["SUPPLIER", "Suppliers", "P"],
    ["PARTNER", "Partners", "P"],
    ["OTHER", "Other", "P"],
  ]);
  add(0, null, "COMPANY_TYPE", [
    ["CUSTOMER", "Client", "P"],
    ["SUPPLIER", "Supplier", "P"],
    ["COMPETITOR", "Competitor", "P"],
    ["PARTNER", "Partner", "P"],
    ["OTHER", "Other", "P"],
  ]);
  add(0, null, "INDUSTRY", [
    ["IT", "Information technology", "P"],
    ["TELECOM", "Telecommunication", "P"],
    ["MANUFACTURING", "Manufacturing", "P"],
    ["BANKING", "Banking services", "P"],
    ["OTHER", "Other", "P"],
  ]);
  add(0, null, "DEAL_TYPE", [
    ["SALE", "Sales", "P"],
    ["COMPLEX", "Complex sale", "P"],
    ["SERVICES", "Services", "P"],
  ]);
  return { types, categories, statuses, stagesOf };
}

/** The status list (by ENTITY_ID) a reference field draws values from. */
export function referenceValues(catalog: CrmCatalog, entityId: string): string[] {
  return catalog.statuses.filter((s) => s.entityId === entityId).map((s) => s.statusId);
}
