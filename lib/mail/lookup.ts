/**
 * Who are the people of an open thread? All of them in ONE `batch` request to the portal
 * (b24restdocs api-reference/common/batch.md: up to 50 commands, later ones may use earlier
 * answers as `$result[key][field]`):
 *
 * - `crm.duplicate.findbycomm` type=EMAIL, once per entity type (crm-duplicate-find-by-comm.md:
 *   up to 20 values; without entity_type, 20+ matches of one type hide the other types — one
 *   command per type avoids that cut);
 * - `user.get` FILTER[EMAIL]=… per address (api-reference/user/user-get.md) — colleagues;
 * - the records found, their open deals and recent activities, by referring to the findbycomm
 *   answers (`filter[ID]=$result[cN][CONTACT]`).
 *
 * When findbycomm finds nothing of a type, the reference does not resolve (the server's
 * CRestUtil::processBatchElement then passes what it could reach), so the lists that depend on
 * it are ignored here rather than trusted. Department names come from a per-portal cache; a
 * cold cache adds `department.get` to the same batch.
 */
import { z } from "zod";
import type { BatchCommand, BatchItemResult, Bitrix24Client } from "../bitrix24";
import { CRM_TYPES } from "../ownership";
import { DEPARTMENTS_COMMAND, departmentIdsOf, displayName } from "../people";
import { portalBaseUrl } from "../portal-address";
import { crmLink, userLink } from "./portal-links";
import { departmentNames, rememberDepartments } from "./departments";

export const MAX_PARTICIPANTS = 20;

export const lookupSchema = z.object({
  participants: z
    .array(z.object({ email: z.string().trim().toLowerCase().email().max(254) }))
    .min(1)
    .max(MAX_PARTICIPANTS),
});
export type LookupInput = z.infer<typeof lookupSchema>;

export interface DealCard {
  id: number;
  title: string;
  categoryId: number;
  stageId: string;
  opportunity: number;
  currency: string;
  url: string;
}
export interface ActivityCard {
  id: number;
  subject: string;
  typeId: number;
  direction: number;
  startTime: string | null;
}
export interface ContactCard {
  id: number;
  name: string;
  post: string;
  companyId: number | null;
  url: string;
  deals: DealCard[];
  activities: ActivityCard[];
}
export interface LeadCard {
  id: number;
  title: string;
  name: string;
  statusId: string;
  url: string;
  activities: ActivityCard[];
}
export interface CompanyCard {
  id: number;
  title: string;
  url: string;
  deals: DealCard[];
}
export interface ColleagueCard {
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
  colleague: ColleagueCard | null;
  contacts: ContactCard[];
  leads: LeadCard[];
  companies: CompanyCard[];
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const int = (v: unknown) => {
  const n = Number(v);
  return Number.isFinite(n) ? n : 0;
};
const rows = (r: BatchItemResult | undefined): Row[] => (r?.ok && Array.isArray(r.result) ? (r.result as Row[]) : []);
const ids = (r: BatchItemResult | undefined, type: string): number[] => {
  if (!r?.ok || !r.result || typeof r.result !== "object" || Array.isArray(r.result)) return [];
  const list = (r.result as Record<string, unknown>)[type];
  return Array.isArray(list) ? list.map(int).filter((n) => n > 0) : [];
};
const emailsOf = (row: Row): string[] => (Array.isArray(row.EMAIL) ? (row.EMAIL as Row[]).map((m) => str(m.VALUE).trim().toLowerCase()) : []);

const DEAL_SELECT = ["ID", "TITLE", "STAGE_ID", "CATEGORY_ID", "OPPORTUNITY", "CURRENCY_ID", "CONTACT_ID", "COMPANY_ID"];
const ACTIVITY_SELECT = ["ID", "SUBJECT", "TYPE_ID", "DIRECTION", "START_TIME", "OWNER_ID", "OWNER_TYPE_ID"];

/** The batch commands of one lookup, and where each answer sits. */
export function lookupCommands(emails: string[], withDepartments: boolean) {
  const commands: BatchCommand[] = [];
  const at = (c: BatchCommand) => commands.push(c) - 1;
  const ref = (i: number, type: string) => `$result[c${i}][${type}]`;
  const find = (type: string) => at({ method: "crm.duplicate.findbycomm", params: { type: "EMAIL", values: emails, entity_type: type } });
  const fc = find("CONTACT");
  const fl = find("LEAD");
  const fco = find("COMPANY");
  const users = emails.map((email) => at({ method: "user.get", params: { FILTER: { EMAIL: email, ACTIVE: true } } }));
  const contacts = at({
    method: "crm.contact.list",
    params: { filter: { ID: ref(fc, "CONTACT") }, select: ["ID", "NAME", "LAST_NAME", "POST", "COMPANY_ID", "EMAIL"] },
  });
  const leads = at({
    method: "crm.lead.list",
    params: { filter: { ID: ref(fl, "LEAD") }, select: ["ID", "TITLE", "NAME", "LAST_NAME", "STATUS_ID", "EMAIL"] },
  });
  const companies = at({ method: "crm.company.list", params: { filter: { ID: ref(fco, "COMPANY") }, select: ["ID", "TITLE", "EMAIL"] } });
  const openDeals = { CLOSED: "N" };
  const contactDeals = at({
    method: "crm.deal.list",
    params: { filter: { CONTACT_ID: ref(fc, "CONTACT"), ...openDeals }, order: { ID: "DESC" }, select: DEAL_SELECT },
  });
  const companyDeals = at({
    method: "crm.deal.list",
    params: { filter: { COMPANY_ID: ref(fco, "COMPANY"), ...openDeals }, order: { ID: "DESC" }, select: DEAL_SELECT },
  });
  const contactActivities = at({
    method: "crm.activity.list",
    params: { filter: { OWNER_TYPE_ID: CRM_TYPES.contact, OWNER_ID: ref(fc, "CONTACT") }, order: { ID: "DESC" }, select: ACTIVITY_SELECT },
  });
  const leadActivities = at({
    method: "crm.activity.list",
    params: { filter: { OWNER_TYPE_ID: CRM_TYPES.lead, OWNER_ID: ref(fl, "LEAD") }, order: { ID: "DESC" }, select: ACTIVITY_SELECT },
  });
  const departments = withDepartments ? at(DEPARTMENTS_COMMAND) : -1;
  return { commands, index: { fc, fl, fco, users, contacts, leads, companies, contactDeals, companyDeals, contactActivities, leadActivities, departments } };
}

const RECENT_ACTIVITIES = 3;

/** Looks up every participant of a thread with one batch call as the session's user. */
export async function lookupParticipants(
  client: Bitrix24Client,
  portal: { id: string; protocol: string; domain: string },
  input: LookupInput,
): Promise<ParticipantResult[]> {
  const emails = [...new Set(input.participants.map((p) => p.email))];
  const cachedDepartments = departmentNames(portal.id);
  const { commands, index } = lookupCommands(emails, cachedDepartments === null);
  const answers = await client.batch(commands);
  const departments = index.departments >= 0 ? await rememberDepartments(client, portal.id, answers[index.departments]) : cachedDepartments!;
  const base = portalBaseUrl(portal);

  const contactIds = new Set(ids(answers[index.fc], "CONTACT"));
  const leadIds = new Set(ids(answers[index.fl], "LEAD"));
  const companyIds = new Set(ids(answers[index.fco], "COMPANY"));
  // Lists that depended on a type findbycomm did not return are not trusted (see above).
  const only = (list: Row[], allowed: Set<number>, key = "ID") => (allowed.size ? list.filter((r) => allowed.has(int(r[key]))) : []);

  const deal = (r: Row): DealCard => ({
    id: int(r.ID),
    title: str(r.TITLE),
    categoryId: int(r.CATEGORY_ID),
    stageId: str(r.STAGE_ID),
    opportunity: int(r.OPPORTUNITY),
    currency: str(r.CURRENCY_ID),
    url: crmLink(base, "deal", int(r.ID)),
  });
  const activity = (r: Row): ActivityCard => ({
    id: int(r.ID),
    subject: str(r.SUBJECT),
    typeId: int(r.TYPE_ID),
    direction: int(r.DIRECTION),
    startTime: str(r.START_TIME) || null,
  });
  const contactDeals = only(rows(answers[index.contactDeals]), contactIds, "CONTACT_ID");
  const companyDeals = only(rows(answers[index.companyDeals]), companyIds, "COMPANY_ID");
  const contactActs = only(rows(answers[index.contactActivities]), contactIds, "OWNER_ID");
  const leadActs = only(rows(answers[index.leadActivities]), leadIds, "OWNER_ID");
  const recent = (list: Row[], ownerId: number) =>
    list
      .filter((a) => int(a.OWNER_ID) === ownerId)
      .slice(0, RECENT_ACTIVITIES)
      .map(activity);

  const contacts = only(rows(answers[index.contacts]), contactIds).map((r) => ({
    emails: emailsOf(r),
    card: {
      id: int(r.ID),
      name: displayName(r),
      post: str(r.POST),
      companyId: int(r.COMPANY_ID) || null,
      url: crmLink(base, "contact", int(r.ID)),
      deals: contactDeals.filter((d) => int(d.CONTACT_ID) === int(r.ID)).map(deal),
      activities: recent(contactActs, int(r.ID)),
    } satisfies ContactCard,
  }));
  const leads = only(rows(answers[index.leads]), leadIds).map((r) => ({
    emails: emailsOf(r),
    card: {
      id: int(r.ID),
      title: str(r.TITLE),
      name: displayName(r),
      statusId: str(r.STATUS_ID),
      url: crmLink(base, "lead", int(r.ID)),
      activities: recent(leadActs, int(r.ID)),
    } satisfies LeadCard,
  }));
  const companies = only(rows(answers[index.companies]), companyIds).map((r) => ({
    emails: emailsOf(r),
    card: {
      id: int(r.ID),
      title: str(r.TITLE),
      url: crmLink(base, "company", int(r.ID)),
      deals: companyDeals.filter((d) => int(d.COMPANY_ID) === int(r.ID)).map(deal),
    } satisfies CompanyCard,
  }));

  return emails.map((email, i): ParticipantResult => {
    const user = rows(answers[index.users[i]])[0];
    const colleague: ColleagueCard | null = user
      ? {
          id: int(user.ID),
          name: displayName(user),
          position: str(user.WORK_POSITION),
          departments: departmentIdsOf(user)
            .map((d) => departments.get(d) ?? "")
            .filter(Boolean),
          photo: str(user.PERSONAL_PHOTO) || null,
          url: userLink(base, int(user.ID)),
        }
      : null;
    const mine = <T>(list: Array<{ emails: string[]; card: T }>) => list.filter((x) => x.emails.includes(email)).map((x) => x.card);
    const result = { email, colleague, contacts: mine(contacts), leads: mine(leads), companies: mine(companies) };
    const kind = colleague ? "colleague" : result.contacts.length + result.leads.length + result.companies.length ? "crm" : "unknown";
    return { ...result, kind };
  });
}
