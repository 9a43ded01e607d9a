// Transfer messages in English: the Transfer tool (app/(portal)/transfer). The reference: ru and de have the same keys.
export const en = {
  "transfer.title": "Transfer",
  "transfer.intro": "Move a departing employee's tasks, CRM records, activities and workgroups to colleagues.",
  "transfer.notify.received": "StaffSuite Transfer: {count} records were handed over to you.",
  "transfer.notify.until": "They go back on {date}.",
  "transfer.watch.message": "StaffSuite: a dismissed employee still owns {count} open records. {link}",
  "transfer.watch.link": "Open their profile and hand the work over",
  "transfer.type.task": "Tasks",
  "transfer.type.lead": "Leads",
  "transfer.type.deal": "Deals",
  "transfer.type.contact": "Contacts",
  "transfer.type.company": "Companies",
  "transfer.type.quote": "Quotes",
  "transfer.type.invoice": "Invoices",
  "transfer.type.dynamic": "Smart process",
  "transfer.type.activity": "Activities",
  "transfer.type.workgroup": "Workgroups and projects",
  "transfer.type.department": "Departments",
  "transfer.role.responsible": "responsible",
  "transfer.role.creator": "creator",
  "transfer.role.accomplice": "participant",
  "transfer.role.auditor": "observer",
  "transfer.role.assigned": "responsible",
  "transfer.role.owner": "owner",
  "transfer.role.head": "head",
};

export type TransferMessages = { [K in keyof typeof en]: string };
