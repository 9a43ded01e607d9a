/**
 * What the robot hands over for one deal or lead: the record's responsible person and the related
 * records someone else holds — its contacts and company (crm.item.get's contactIds / companyId,
 * then crm.item.list by `@id`; b24restdocs api-reference/crm/universal/crm-item-get.md,
 * crm-item-list.md), its activities (crm.activity.list by OWNER_TYPE_ID / OWNER_ID, COMPLETED=N
 * unless closed ones go too; crm-activity-list.md) and the tasks bound to it (tasks.task.list by
 * UF_CRM_TASK "D_12" / "L_7", REAL_STATUS not 5 completed or 7 declined unless closed ones go too;
 * tasks/tasks-task-list.md, fields.md). Read with our stored administrator's token.
 */
import { Bitrix24Error, type Bitrix24Client } from "../../bitrix24";
import type { RobotCall } from "./call";

export type RelatedType = "contact" | "company" | "activity" | "task";

export interface RelatedRecord {
  type: RelatedType;
  /** The ownership catalogue's role the move changes (lib/ownership roleFor). */
  role: "assigned" | "responsible";
  id: number;
  holder: number;
}

export interface Related {
  /** The record's responsible person: who receives everything. */
  responsible: number;
  /** Related records held by someone else, in the order they move. */
  records: RelatedRecord[];
}

/** The record the robot runs on is gone or unreadable (the call is answered with the reason). */
export class RecordUnavailableError extends Error {}

const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0)) || 0;
const TASK_PREFIX: Record<number, string> = { 1: "L", 2: "D" };

type Client = Pick<Bitrix24Client, "call" | "listAll">;

async function holdersOf(client: Client, entityTypeId: 3 | 4, ids: number[]): Promise<Array<{ id: number; holder: number }>> {
  if (!ids.length) return [];
  const items = await client.listAll<{ id: number; assignedById: number }>("crm.item.list", {
    entityTypeId,
    filter: { "@id": ids },
    select: ["id", "assignedById"],
  });
  return items.map((i) => ({ id: num(i.id), holder: num(i.assignedById) }));
}

export async function readRelated(client: Client, call: Pick<RobotCall, "entityTypeId" | "recordId" | "options">): Promise<Related> {
  const answer = await client
    .call<{ item?: Record<string, unknown> }>("crm.item.get", { entityTypeId: call.entityTypeId, id: call.recordId })
    .catch((error: unknown) => {
      // Gone (NOT_FOUND) or not ours to read: answered in words; anything else (limits, network) retries.
      if (error instanceof Bitrix24Error && [400, 403, 404].includes(error.status)) return null;
      throw error;
    });
  const item = answer?.result?.item;
  if (!item) throw new RecordUnavailableError(`${call.entityTypeId === 2 ? "deal" : "lead"} ${call.recordId} cannot be read`);
  const responsible = num(item.assignedById);
  const { options } = call;
  const records: RelatedRecord[] = [];

  if (options.moveContact) {
    const ids = [...new Set([...(Array.isArray(item.contactIds) ? item.contactIds : []), item.contactId].map(num).filter(Boolean))];
    for (const c of await holdersOf(client, 3, ids)) records.push({ type: "contact", role: "assigned", ...c });
  }
  if (options.moveCompany && num(item.companyId)) {
    for (const c of await holdersOf(client, 4, [num(item.companyId)])) records.push({ type: "company", role: "assigned", ...c });
  }
  if (options.moveActivities) {
    const activities = await client.listAll<{ ID: string; RESPONSIBLE_ID: string }>("crm.activity.list", {
      filter: { OWNER_TYPE_ID: call.entityTypeId, OWNER_ID: call.recordId, ...(options.includeClosed ? {} : { COMPLETED: "N" }) },
      select: ["ID", "RESPONSIBLE_ID"],
    });
    for (const a of activities) records.push({ type: "activity", role: "responsible", id: num(a.ID), holder: num(a.RESPONSIBLE_ID) });
  }
  if (options.moveTasks) {
    const tasks = await client.listAll<{ id: string; responsibleId: string }>("tasks.task.list", {
      filter: { UF_CRM_TASK: `${TASK_PREFIX[call.entityTypeId]}_${call.recordId}`, ...(options.includeClosed ? {} : { "!REAL_STATUS": [5, 7] }) },
      select: ["ID", "RESPONSIBLE_ID"],
    });
    for (const t of tasks) records.push({ type: "task", role: "responsible", id: num(t.id), holder: num(t.responsibleId) });
  }
  return { responsible, records: records.filter((r) => r.id > 0 && r.holder !== responsible) };
}
