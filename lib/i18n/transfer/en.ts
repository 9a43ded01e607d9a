// Transfer messages in English: the Transfer tool (app/(portal)/transfer). The reference: ru and de have the same keys.
export const en = {
  "transfer.title": "Transfer",
  "transfer.intro": "Move a departing employee's tasks, CRM records, activities and workgroups to colleagues.",
};

export type TransferMessages = { [K in keyof typeof en]: string };
