// Record types and roles of the ownership catalogue (lib/ownership/labels.ts), shared by Transfer and
// Privacy. `types` name a kind in a list of kinds (counts per type), `type` one record's kind.
// The reference: ru and de have the same keys.
export const en = {
  "ownership.types.task": "Tasks",
  "ownership.types.lead": "Leads",
  "ownership.types.deal": "Deals",
  "ownership.types.contact": "Contacts",
  "ownership.types.company": "Companies",
  "ownership.types.quote": "Quotes",
  "ownership.types.invoice": "Invoices",
  "ownership.types.dynamic": "Smart process {id}",
  "ownership.types.activity": "Activities",
  "ownership.types.workgroup": "Workgroups and projects",
  "ownership.types.department": "Departments",

  "ownership.type.task": "Task",
  "ownership.type.lead": "Lead",
  "ownership.type.deal": "Deal",
  "ownership.type.contact": "Contact",
  "ownership.type.company": "Company",
  "ownership.type.quote": "Quote",
  "ownership.type.invoice": "Invoice",
  "ownership.type.dynamic": "Smart process {id}",
  "ownership.type.activity": "Activity",
  "ownership.type.workgroup": "Workgroup",
  "ownership.type.department": "Department",

  "ownership.role.responsible": "responsible",
  "ownership.role.creator": "creator",
  "ownership.role.accomplice": "participant",
  "ownership.role.auditor": "observer",
  "ownership.role.assigned": "responsible",
  "ownership.role.owner": "owner",
  "ownership.role.head": "head",
};

export type OwnershipMessages = { [K in keyof typeof en]: string };
