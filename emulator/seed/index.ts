/**
 * Deterministic portal generator: same options → same portal. Builds the organisation
 * (people.ts), the CRM configuration (crm-catalog.ts), workgroups, and the columnar record
 * tables (records.ts) whose text is derived on read (derive.ts).
 */
import { emptyPortalData, type PortalData } from "../state/portal-data";
import type { Department, PortalUser } from "../state/types";
import { generatePeople } from "./people";
import { generateActivities, generateCrm, generateTasks } from "./records";
import { generateWorkgroups } from "./workgroups";

export interface SeedOptions {
  /** Same seed → same portal, byte for byte. */
  seed: number;
  /** Number of users (default 220). */
  users?: number;
  /**
   * Records (tasks, CRM items, activities together) owned by each "heavy" user (default 200).
   * Three users are heavy: the admin (1), an active employee and a dismissed one.
   */
  recordsPerHeavyUser?: number;
}

export interface GeneratedPortal {
  users: Map<number, PortalUser>;
  departments: Map<number, Department>;
  data: PortalData;
  /** The users who own many records, for tests and the demo. */
  heavyUserIds: number[];
}

export const DEFAULT_USERS = 220;
export const DEFAULT_RECORDS_PER_HEAVY_USER = 200;

export function generatePortal(options: SeedOptions): GeneratedPortal {
  const seed = options.seed >>> 0;
  const userCount = Math.max(1, Math.floor(options.users ?? DEFAULT_USERS));
  const perHeavy = Math.max(0, Math.floor(options.recordsPerHeavyUser ?? DEFAULT_RECORDS_PER_HEAVY_USER));
  const people = generatePeople(seed, userCount);
  const data = emptyPortalData();
  data.seed = seed;
  data.staffIds = people.staffIds.filter((id) => people.users.get(id)!.active);
  data.heavyUserIds = people.heavyUserIds;
  data.workgroups = generateWorkgroups(seed, data.staffIds, people.heavyUserIds);
  const plan = {
    seed,
    staffIds: data.staffIds,
    heavyUserIds: people.heavyUserIds,
    recordsPerHeavyUser: perHeavy,
    groupIds: data.workgroups.map((g) => g.id),
  };
  data.tasks = generateTasks(plan);
  data.crm = generateCrm(plan, data.catalog);
  data.activities = generateActivities(plan, data);
  return { users: people.users, departments: people.departments, data, heavyUserIds: people.heavyUserIds };
}

/** Number of generated records (tasks + CRM items + activities) in a portal's data. */
export function countRecords(data: PortalData): number {
  let n = data.tasks.length + data.activities.length;
  for (const t of data.crm.values()) n += t.length;
  return n;
}
