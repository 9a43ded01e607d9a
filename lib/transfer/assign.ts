/**
 * Who receives which record. "even": each type's records are dealt to the receivers in turn, so
 * every receiver gets an even share of every type. "by-company": a company's records stay
 * together — the company, its contacts, the deals/leads/quotes/… that name it or one of those
 * contacts, and the activities on any of them go to one receiver; records with no company are
 * dealt in turn. Pure and deterministic: the same lists give the same plan.
 */
import type { RecordSnapshot } from "../ownership";
import { typeEntityId } from "../ownership";
import type { SplitMode } from "./request";

export interface RoleRecords {
  type: string;
  role: string;
  records: RecordSnapshot[];
}

export interface Assignment {
  type: string;
  role: string;
  record: RecordSnapshot;
  to: number;
  /** Who gives it, when not the transfer's employee (a robot's hand-over gathers several holders). */
  from?: number;
}

// CRM order for "by-company": companies first, then contacts, then what names them, activities last.
const rank = (type: string) => (type === "company" ? 0 : type === "contact" ? 1 : type === "activity" ? 3 : typeEntityId(type) ? 2 : 4);

export function assignReceivers(lists: readonly RoleRecords[], receivers: readonly number[], mode: SplitMode): Assignment[] {
  const out: Assignment[] = [];
  const turn = new Map<string, number>();
  const dealt = (type: string) => {
    const n = turn.get(type) ?? 0;
    turn.set(type, n + 1);
    return receivers[n % receivers.length];
  };
  if (mode === "even" || receivers.length === 1) {
    for (const l of lists) for (const record of l.records) out.push({ type: l.type, role: l.role, record, to: dealt(`${l.type}:${l.role}`) });
    return out;
  }
  // Receiver of each CRM record planned so far, by "{entityTypeId}:{id}", and of each company.
  const byCompany = new Map<number, number>();
  const byRecord = new Map<string, number>();
  const ordered = [...lists].sort((a, b) => rank(a.type) - rank(b.type));
  for (const l of ordered) {
    const etid = typeEntityId(l.type);
    for (const record of l.records) {
      let to: number | undefined;
      if (l.type === "activity" && record.ownerRef) to = byRecord.get(record.ownerRef);
      if (to === undefined && record.companyId) to = byCompany.get(record.companyId);
      if (to === undefined && record.contactId) to = byRecord.get(`3:${record.contactId}`);
      to ??= dealt(l.type === "activity" || etid ? "crm" : `${l.type}:${l.role}`);
      if (record.companyId && !byCompany.has(record.companyId)) byCompany.set(record.companyId, to);
      if (etid) byRecord.set(`${etid}:${record.id}`, to);
      out.push({ type: l.type, role: l.role, record, to });
    }
  }
  return out;
}
