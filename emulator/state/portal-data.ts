/**
 * Business data of one emulated portal: tasks, CRM, activities, workgroups, notifications, disk.
 *
 * The heavy kinds (tasks, CRM items, activities) are columnar RecordTables whose text fields are
 * re-derived from `seed` (emulator/seed/records.ts); the light kinds are plain objects.
 */
import { buildCatalog, type CrmCatalog } from "../seed/crm-catalog";
import { RecordTable } from "../seed/table";

export const TASK_COLUMNS = [
  "responsibleId",
  "createdBy",
  "status",
  "priority",
  "groupId",
  "createdAt",
  "changedAt",
  "changedBy",
  "deadline",
  "closedAt",
  "acc1",
  "aud1",
] as const;
export type TaskColumn = (typeof TASK_COLUMNS)[number];

export const CRM_COLUMNS = [
  "assignedById",
  "createdBy",
  "updatedBy",
  "createdAt",
  "updatedAt",
  "stage",
  "categoryId",
  "opportunity",
  "contactId",
  "companyId",
  "opened",
  "source",
  "typeRef",
  "observer1",
] as const;
export type CrmColumn = (typeof CRM_COLUMNS)[number];

export const ACTIVITY_COLUMNS = [
  "responsibleId",
  "authorId",
  "ownerTypeId",
  "ownerId",
  "kind",
  "completed",
  "direction",
  "createdAt",
  "startTime",
  "endTime",
  "priority",
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

export interface Workgroup {
  id: number;
  name: string;
  description: string;
  ownerId: number;
  project: boolean;
  visible: boolean;
  opened: boolean;
  closed: boolean;
  active: boolean;
  isExtranet: boolean;
  createdAt: string;
  /** userId → role: A owner, E moderator, K member (sonet_group.user.groups' ROLE). */
  members: Map<number, "A" | "E" | "K">;
}

export interface TimelineComment {
  id: number;
  entityTypeId: number;
  entityId: number;
  authorId: number;
  comment: string;
  createdAt: string;
}

export interface DiskFile {
  id: number;
  name: string;
  storageId: number;
  folderId: number;
  size: number;
  content: Uint8Array;
  createdBy: number;
  createdAt: string;
  /** Secret part of the download URL. */
  token: string;
}

export interface DiskState {
  /** One storage per app (disk.storage.getforapp), by client_id. */
  appStorages: Map<string, { storageId: number; rootFolderId: number; name: string }>;
  /** Every user's personal drive ("My Drive"), made on first use, by user ID. */
  userStorages: Map<number, { storageId: number; rootFolderId: number }>;
  folders: Map<number, { id: number; storageId: number; parentId: number | null; name: string }>;
  files: Map<number, DiskFile>;
  nextId: number;
}

export interface PortalData {
  /** Notifications sent with im.notify.*: kept so tests can assert on them. */
  notifications: Array<{
    id: number;
    toUserId: number;
    fromUserId: number | null;
    message: string;
    tag: string;
    kind: "system" | "personal";
    createdAt: string;
    /** The sending app (a TAG is unique within it); null for a webhook. */
    clientId?: string | null;
    subTag?: string;
    messageOut?: string;
    attach?: unknown;
  }>;
  /** The last notification ID given (IDs are not reused after a TAG replaced notifications). */
  notificationSeq?: number;
  /** The generator's seed: text fields of generated rows are derived from it. */
  seed: number;
  /** Active employees that generated records may reference (for derived participants). */
  staffIds: number[];
  /** The users the generator gave many records (admin, an active employee, a dismissed one). */
  heavyUserIds: number[];
  catalog: CrmCatalog;
  tasks: RecordTable<TaskColumn>;
  /** CRM items by entityTypeId (1 lead, 2 deal, 3 contact, 4 company, 7 quote, 31 invoice, ≥128 smart processes). */
  crm: Map<number, RecordTable<CrmColumn>>;
  activities: RecordTable<ActivityColumn>;
  workgroups: Workgroup[];
  timelineComments: TimelineComment[];
  disk: DiskState;
}

export function emptyPortalData(): PortalData {
  const catalog = buildCatalog();
  const crm = new Map<number, RecordTable<CrmColumn>>();
  for (const etid of [1, 2, 3, 4, 7, 31, ...catalog.types.map((t) => t.entityTypeId)]) crm.set(etid, new RecordTable(CRM_COLUMNS, 0));
  return {
    notifications: [],
    seed: 0,
    staffIds: [],
    heavyUserIds: [],
    catalog,
    tasks: new RecordTable(TASK_COLUMNS, 0),
    crm,
    activities: new RecordTable(ACTIVITY_COLUMNS, 0),
    workgroups: [],
    timelineComments: [],
    disk: { appStorages: new Map(), userStorages: new Map(), folders: new Map(), files: new Map(), nextId: 1 },
  };
}
