/** The shapes the app's /api/extension answers with (kept here: the extension imports nothing from the app; test/extension-api-contract.ts holds them to the server's types). */
export interface Deal {
  id: number;
  title: string;
  categoryId: number;
  stageId: string;
  opportunity: number;
  currency: string;
  url: string;
}
export interface Activity {
  id: number;
  subject: string;
  typeId: number;
  direction: number;
  startTime: string | null;
}
export interface Contact {
  id: number;
  name: string;
  post: string;
  companyId: number | null;
  url: string;
  deals: Deal[];
  activities: Activity[];
}
export interface Lead {
  id: number;
  title: string;
  name: string;
  statusId: string;
  url: string;
  activities: Activity[];
}
export interface Company {
  id: number;
  title: string;
  url: string;
  deals: Deal[];
}
export interface Colleague {
  id: number;
  name: string;
  position: string;
  departments: string[];
  photo: string | null;
  url: string;
}
export interface ParticipantResult {
  email: string;
  kind: "colleague" | "crm" | "unknown";
  colleague: Colleague | null;
  contacts: Contact[];
  leads: Lead[];
  companies: Company[];
}
export interface Duplicate {
  kind: "contact" | "lead" | "company" | "deal";
  id: number;
  title: string;
  reason: "email" | "phone" | "name" | "company_domain" | "open_deal";
  url: string;
}
