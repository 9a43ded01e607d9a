/**
 * The record event a CRM change sends, for both method generations: the type's own event
 * (ONCRMDEALUPDATE…, data[FIELDS][ID]; b24restdocs api-reference/crm/deals/events/) or, for smart
 * processes, ONCRMDYNAMICITEM* with data[FIELDS][ID] and [ENTITY_TYPE_ID]
 * (api-reference/crm/universal/events/on-crm-dynamic-item-add.md). Types without a documented
 * event (smart invoices) send none.
 */
import { crmEventPrefix } from "../../events/catalog";
import type { MethodCall } from "../../rest/method-registry";

export function crmRecordEvent(call: MethodCall, entityTypeId: number, row: number, op: "ADD" | "UPDATE" | "DELETE"): void {
  const prefix = crmEventPrefix(entityTypeId);
  if (!prefix) return;
  const fields: Record<string, string> = { ID: String(row + 1) };
  if (prefix === "ONCRMDYNAMICITEM") fields.ENTITY_TYPE_ID = String(entityTypeId);
  call.emit(`${prefix}${op}`, { FIELDS: fields });
}
