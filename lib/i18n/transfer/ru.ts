import type { TransferMessages } from "./en";

export const ru: TransferMessages = {
  "transfer.title": "Передача дел",
  "transfer.intro": "Передайте задачи, записи CRM, дела и рабочие группы уходящего сотрудника коллегам.",
};
