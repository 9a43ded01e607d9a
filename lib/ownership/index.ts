/**
 * Ownership catalogue (shared by Transfer and Privacy): what a portal user owns or takes part in,
 * per object type and role — find, count, read the current holder, change it. Platform facts
 * only; no feature logic. One declarative entry per (type, role): types.ts describes the shape,
 * task-entries.ts, crm-entries.ts and org-entries.ts hold the entries.
 *
 *   const { roles } = await loadCatalogue(client);
 *   const counts = await countOwned(client, roles, userId);          // one or two batch calls
 *   const reader = new HeldReader(client, roles.map((role) => ({ role, userId, query: { openOnly: true } })));
 *   for await (const page of reader.pages(0)) …                       // fifty list pages to a request
 *   reader.outcome(0);                                               // complete, or what is missing
 *   await changeHolders(client, roles[0], page.map((record) => ({ record, from: userId, to: 7 })));
 */
export {
  catalogueOf,
  findRole,
  loadCatalogue,
  roleFor,
  smartProcessTypes,
  SMART_PROCESS_TYPES_COMMAND,
  type OwnershipClient,
  type SmartProcessType,
} from "./catalogue";
export { countOwned, type CountResult } from "./count";
export { remainingWork, type RemainingWork } from "./remaining-work";
export { HeldReader, type HeldList, type HeldRead, type ReaderOptions } from "./reading/reader";
export { countHeld, type CountAnswer, type CountRequest } from "./reading/counts";
export type { IncompleteReason, ListOutcome } from "./reading/list-read";
export { changeHolders, errorCode, readRecords, type ChangeOutcome, type ChangeRequest, type ReadOutcome } from "./read";
export { recordPath } from "./links";
export { byTypeOrder, CRM_TYPES, crmTypeKey, typeEntityId, type CrmTypeKey } from "./record-types";
export { recordTypeLabel, roleLabel, typeLabel } from "./labels";
export { pipelinesOf, readPipelines, stageEntityId, type Pipeline, type StageSemantics } from "./pipelines";
export { replaceHolder, type OwnershipCount, type OwnershipQuery, type OwnershipRole, type QueryFilter, type RecordSnapshot } from "./types";
