/**
 * Text fields of generated rows, derived from (seed, table, row) on every read instead of being
 * stored. A field a method has changed is read from the row's override first (table.ts).
 */
import type { PortalData } from "../state/portal-data";
import { ENTITY } from "./crm-catalog";
import { asciiSlug, COMPANY_SUFFIXES, COMPANY_WORDS, NAME_SETS, SUBJECT_WORDS } from "./names";
import { hash3, hpick } from "./prng";
import type { RecordTable } from "./table";

/** A multi-field value (crm contact/lead/company EMAIL, PHONE) as the API prints it. */
export interface MultiField {
  ID: string;
  VALUE_TYPE: string;
  VALUE: string;
  TYPE_ID: "EMAIL" | "PHONE";
}

export function overridden<T>(table: RecordTable, row: number, field: string, derive: () => T): T {
  const o = table.override(row);
  return o && field in o ? (o[field] as T) : row < table.generated ? derive() : (undefined as T);
}

export function personName(seed: number, salt: number, row: number) {
  const h = hash3(seed, salt, row);
  const set = NAME_SETS[h % NAME_SETS.length];
  const female = ((h >>> 4) & 1) === 1;
  const first = hpick(female ? set.female : set.male, h >>> 5);
  const i = (h >>> 11) % set.last.length;
  const last = female && set.femaleLast ? set.femaleLast[i] : set.last[i];
  return { first, last, female, set };
}

function words(seed: number, salt: number, row: number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(hpick(SUBJECT_WORDS, hash3(seed, salt + i, row)));
  return out.join(" ");
}

// ---- tasks -------------------------------------------------------------------------------

export function taskTitle(d: PortalData, row: number): string {
  return overridden(d.tasks, row, "title", () => `${words(d.seed, 11, row, 3)} #${row + 1}`) ?? "";
}
export function taskDescription(d: PortalData, row: number): string {
  return overridden(d.tasks, row, "description", () => `${words(d.seed, 21, row, 8)}.`) ?? "";
}
/** Participants beyond the first column slot: a second, hash-chosen one on some tasks. */
function extraUser(d: PortalData, salt: number, row: number, first: number): number[] {
  const h = hash3(d.seed, salt, row);
  if (!first || h % 4 !== 0 || !d.staffIds.length) return first ? [first] : [];
  const second = d.staffIds[(h >>> 3) % d.staffIds.length];
  return second === first ? [first] : [first, second];
}
export function taskAccomplices(d: PortalData, row: number): number[] {
  return overridden(d.tasks, row, "accomplices", () => extraUser(d, 31, row, d.tasks.int("acc1", row))) ?? [];
}
/**
 * The CRM records a task is bound to (UF_CRM_TASK: "D_12", "L_3", "C_5", "CO_7"; b24restdocs
 * api-reference/tasks/fields.md). Generated tasks are bound to none; tasks.task.add / update set it.
 */
export function taskCrmBindings(d: PortalData, row: number): string[] {
  return overridden(d.tasks, row, "ufCrmTask", () => [] as string[]) ?? [];
}
export function taskAuditors(d: PortalData, row: number): number[] {
  return overridden(d.tasks, row, "auditors", () => extraUser(d, 41, row, d.tasks.int("aud1", row))) ?? [];
}

// ---- CRM ---------------------------------------------------------------------------------

const ETID_SALT: Record<number, number> = { 1: 101, 2: 102, 3: 103, 4: 104, 7: 107, 31: 131 };
const saltOf = (etid: number) => ETID_SALT[etid] ?? 200 + etid;

export function crmTitle(d: PortalData, etid: number, row: number): string {
  const t = d.crm.get(etid)!;
  return (
    overridden(t, row, "title", () => {
      if (etid === ENTITY.company) return companyName(d.seed, row);
      if (etid === ENTITY.contact) {
        const p = personName(d.seed, saltOf(etid), row);
        return `${p.first} ${p.last}`;
      }
      const prefix =
        etid === ENTITY.lead ? "Lead" : etid === ENTITY.deal ? "Deal" : etid === ENTITY.quote ? "Quote" : etid === ENTITY.invoice ? "Invoice" : "Item";
      return `${prefix} #${row + 1}: ${words(d.seed, saltOf(etid), row, 2)}`;
    }) ?? ""
  );
}

function companyName(seed: number, row: number): string {
  const h = hash3(seed, 104, row);
  return `${hpick(COMPANY_WORDS, h)} ${hpick(COMPANY_WORDS, h >>> 8)} ${hpick(COMPANY_SUFFIXES, h >>> 16)}`;
}

/** NAME / LAST_NAME / SECOND_NAME / POST of contacts and leads; empty for other kinds. */
export function crmPerson(d: PortalData, etid: number, row: number): { name: string; lastName: string; secondName: string; post: string } {
  const t = d.crm.get(etid)!;
  const hasPerson = etid === ENTITY.contact || etid === ENTITY.lead;
  const base = etid === ENTITY.lead && leadIsContact(d, row) ? { etid: ENTITY.contact as number, row: row / 10 } : { etid, row };
  const p = hasPerson && row < t.generated ? personName(d.seed, saltOf(base.etid), base.row) : null;
  const o = t.override(row) ?? {};
  const pick = (k: string, v: string) => (k in o ? String(o[k] ?? "") : v);
  return {
    name: pick("name", p?.first ?? ""),
    lastName: pick("lastName", p?.last ?? ""),
    secondName: pick("secondName", ""),
    post: pick("post", p ? hpick(["Director", "Buyer", "CFO", "Office manager", "Engineer"], hash3(d.seed, 77, row)) : ""),
  };
}

/** Every 10th lead is a person who is also a contact (same name and e-mail): duplicates to find. */
function leadIsContact(d: PortalData, row: number): boolean {
  return row % 10 === 0 && row / 10 < (d.crm.get(ENTITY.contact)?.generated ?? 0);
}

const fmId = (etid: number, row: number, slot: number) => String(((row + 1) * 4 + slot) * 64 + (saltOf(etid) % 64));

export function crmEmails(d: PortalData, etid: number, row: number): MultiField[] {
  const t = d.crm.get(etid)!;
  return (
    overridden(t, row, "EMAIL", () => {
      if (etid !== ENTITY.contact && etid !== ENTITY.lead && etid !== ENTITY.company) return [];
      if (etid === ENTITY.company) {
        const slug = asciiSlug(companyName(d.seed, row).split(" ")[0]) || "company";
        return [{ ID: fmId(etid, row, 0), VALUE_TYPE: "WORK", VALUE: `info@${slug}${row + 1}.example.test`, TYPE_ID: "EMAIL" }];
      }
      const base = etid === ENTITY.lead && leadIsContact(d, row) ? { etid: ENTITY.contact, row: row / 10 } : { etid, row };
      const p = personName(d.seed, saltOf(base.etid), base.row);
      const local = `${asciiSlug(p.first)}.${asciiSlug(p.last)}.${base.etid === ENTITY.contact ? "c" : "l"}${base.row + 1}`;
      const list: MultiField[] = [{ ID: fmId(etid, row, 0), VALUE_TYPE: "WORK", VALUE: `${local}@client.example.test`, TYPE_ID: "EMAIL" }];
      if (hash3(d.seed, 91, row) % 5 === 0) list.push({ ID: fmId(etid, row, 1), VALUE_TYPE: "HOME", VALUE: `${local}@mail.example.test`, TYPE_ID: "EMAIL" });
      return list;
    }) ?? []
  );
}

export function crmPhones(d: PortalData, etid: number, row: number): MultiField[] {
  const t = d.crm.get(etid)!;
  return (
    overridden(t, row, "PHONE", () => {
      if (etid !== ENTITY.contact && etid !== ENTITY.lead && etid !== ENTITY.company) return [];
      const h = hash3(d.seed, 93, row * 8 + etid);
      if (h % 6 === 0) return [];
      const number = `+49 30 ${String(1000000 + (h % 8999999))}`;
      return [{ ID: fmId(etid, row, 2), VALUE_TYPE: h % 2 ? "WORK" : "MOBILE", VALUE: number, TYPE_ID: "PHONE" }];
    }) ?? []
  );
}

export function crmObservers(d: PortalData, etid: number, row: number): number[] {
  const t = d.crm.get(etid)!;
  return (
    overridden(t, row, "observers", () => {
      const o = t.int("observer1", row);
      return o ? [o] : [];
    }) ?? []
  );
}

export function crmComments(d: PortalData, etid: number, row: number): string {
  return overridden(d.crm.get(etid)!, row, "comments", () => (hash3(d.seed, 95, row) % 3 === 0 ? words(d.seed, 96, row, 6) : "")) ?? "";
}

// ---- activities --------------------------------------------------------------------------

/**
 * Activity kinds we generate, by the `kind` column. TYPE_ID per b24restdocs
 * api-reference/crm/data-types.md (activity-enums: 1 meeting, 2 call, 3 task, 4 email, 6 provider);
 * to-dos and app-configured activities are provider activities (TYPE_ID 6).
 */
export const ACTIVITY_KINDS = [
  { typeId: 4, providerId: "CRM_EMAIL", providerTypeId: "EMAIL", label: "E-mail" },
  { typeId: 2, providerId: "VOXIMPLANT_CALL", providerTypeId: "CALL", label: "Call" },
  { typeId: 1, providerId: "CRM_MEETING", providerTypeId: "MEETING", label: "Meeting" },
  { typeId: 6, providerId: "CRM_TODO", providerTypeId: "TODO", label: "To-do" },
  { typeId: 6, providerId: "REST_APP", providerTypeId: "REST_APP", label: "App activity" },
] as const;

export function activitySubject(d: PortalData, row: number): string {
  return overridden(d.activities, row, "subject", () => `${ACTIVITY_KINDS[d.activities.int("kind", row)].label}: ${words(d.seed, 301, row, 3)}`) ?? "";
}
export function activityDescription(d: PortalData, row: number): string {
  return overridden(d.activities, row, "description", () => `${words(d.seed, 302, row, 10)}.`) ?? "";
}

export interface Communication {
  ID: string;
  TYPE: "EMAIL" | "PHONE" | "";
  VALUE: string;
  ENTITY_ID: string;
  ENTITY_TYPE_ID: string;
}

/** COMMUNICATIONS of an e-mail or call: the owner's (or the owner deal's contact's) address/number. */
export function activityCommunications(d: PortalData, row: number): Communication[] {
  return (
    overridden(d.activities, row, "communications", () => {
      const kind = d.activities.int("kind", row);
      if (kind > 1) return [];
      let etid = d.activities.int("ownerTypeId", row);
      let id = d.activities.int("ownerId", row);
      if (etid === ENTITY.deal) {
        const contact = d.crm.get(ENTITY.deal)!.int("contactId", id - 1);
        if (!contact) return [];
        etid = ENTITY.contact;
        id = contact;
      }
      const list = kind === 0 ? crmEmails(d, etid, id - 1) : crmPhones(d, etid, id - 1);
      if (!list.length) return [];
      return [{ ID: String(row + 1), TYPE: kind === 0 ? "EMAIL" : "PHONE", VALUE: list[0].VALUE, ENTITY_ID: String(id), ENTITY_TYPE_ID: String(etid) }];
    }) ?? []
  );
}
