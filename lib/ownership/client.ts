// What client components may import of lib/ownership (no Bitrix24 client, nothing server-only):
// the record types and roles, their labels, and the portal paths of records.
export {
  byTypeOrder,
  CRM_TYPES,
  crmTypeKey,
  hasPipelines,
  RECORD_TYPES,
  ROLES,
  smartProcessId,
  typeEntityId,
  typeRank,
  type CrmTypeKey,
  type RecordType,
  type Role,
} from "./record-types";
export { recordTypeLabel, roleLabel, typeLabel } from "./labels";
export { recordPath } from "./links";
