/**
 * The record event a CRM change sends, for both method generations: the type's own event
 * (ONCRMDEALUPDATE…, data[FIELDS][ID]; b24restdocs api-reference/crm/deals/events/) or, for smart
 * processes and smart invoices, ONCRMDYNAMICITEM* with data[FIELDS][ID] and [ENTITY_TYPE_ID], and for
 * smart processes also the type's own ONCRMDYNAMICITEM*_{entityTypeId} (api-reference/crm/universal/
 * events/index.md, on-crm-dynamic-item-add.md; events/catalog.ts says why invoices have only the first).
 */
import { crmEventPrefix } from "../../events/catalog";
import type { MethodCall } from "../../rest/method-registry";

export function crmRecordEvent(call: MethodCall, entityTypeId: number, row: number, op: "ADD" | "UPDATE" | "DELETE"): void {
  const prefix = crmEventPrefix(entityTypeId);
  if (!prefix) return;
  const fields: Record<string, string> = { ID: String(row + 1) };
  if (prefix !== "ONCRMDYNAMICITEM") return call.emit(`${prefix}${op}`, { FIELDS: fields });
  fields.ENTITY_TYPE_ID = String(entityTypeId);
  call.emit(`${prefix}${op}`, { FIELDS: fields });
  if (entityTypeId >= 128) call.emit(`${prefix}${op}_${entityTypeId}`, { FIELDS: fields });
}

/** The row's stage index (-1 for types without stages). */
export function stageIndex(call: MethodCall, entityTypeId: number, row: number): number {
  return call.portal.data.crm.get(entityTypeId)?.int("stage", row) ?? -1;
}

/**
 * CRM automation: a lead or deal created in a stage, or moved into another, runs the robots put on
 * that stage (emulator/automation/run-robots.ts). `before` is the stage index before the change
 * (null for a new record).
 */
export function crmStageEntered(call: MethodCall, entityTypeId: number, row: number, before: number | null): void {
  if (before === null || stageIndex(call, entityTypeId, row) !== before) call.automation.enteredStage(entityTypeId, row);
}
