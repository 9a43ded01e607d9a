import type { TransferMessages } from "./en";

export const de: TransferMessages = {
  "transfer.title": "Übergabe",
  "transfer.intro": "Übertragen Sie Aufgaben, CRM-Datensätze, Aktivitäten und Arbeitsgruppen ausscheidender Mitarbeiter an Kollegen.",
};
