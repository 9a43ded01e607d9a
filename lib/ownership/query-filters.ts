/**
 * Turns the wizard's optional narrowing into a list method's filter keys. Operator prefixes
 * (`>=`, `<=`) as the list methods take them (b24restdocs api-reference/crm/universal/crm-item-list.md
 * "filter"; api-reference/tasks/tasks-task-list.md).
 */
import type { ParamValue } from "../bitrix24";
import type { OwnershipQuery } from "./types";

export interface DateFields {
  created?: string;
  changed?: string;
}

export function dateFilter(query: OwnershipQuery, fields: DateFields): Record<string, ParamValue> {
  const f: Record<string, ParamValue> = {};
  if (fields.created) {
    if (query.createdAfter) f[`>=${fields.created}`] = query.createdAfter;
    if (query.createdBefore) f[`<=${fields.created}`] = query.createdBefore;
  }
  if (fields.changed) {
    if (query.changedAfter) f[`>=${fields.changed}`] = query.changedAfter;
    if (query.changedBefore) f[`<=${fields.changed}`] = query.changedBefore;
  }
  return f;
}
