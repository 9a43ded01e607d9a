/**
 * CRM activities, workgroups/projects and departments.
 *
 * - Activities (b24restdocs api-reference/crm/timeline/activities/activity-base/crm-activity-list.md,
 *   crm-activity-get.md, crm-activity-update.md): UPPER_CASE `RESPONSIBLE_ID`, `COMPLETED` Y/N,
 *   `OWNER_TYPE_ID` / `OWNER_ID` (the deal, contact… it belongs to). Open = COMPLETED N. Some
 *   newer activity kinds refuse crm.activity.update: the caller records that error and goes on.
 * - Workgroups (api-reference/sonet-group/sonet-group-get.md, sonet-group-setowner.md):
 *   `FILTER[OWNER_ID]`, `IS_ADMIN=Y` so an admin sees every group; the new owner is set with
 *   GROUP_ID / USER_ID. Open = not archived (CLOSED N).
 * - Departments (api-reference/departments/department-get.md, department-update.md): filter by
 *   `UF_HEAD`; change with ID / UF_HEAD (administrators only). Always open.
 */
import { isYes } from "../bitrix24";
import { dateFilter } from "./query-filters";
import { CRM_TYPES } from "./record-types";
import { num, type OwnershipRole, type RecordSnapshot } from "./types";

/** What a snapshot takes (a list reads thousands of records a request: every field costs). */
const ACTIVITY_SELECT = ["ID", "RESPONSIBLE_ID", "COMPLETED", "OWNER_TYPE_ID", "OWNER_ID"];

const activitySnapshot = (a: Record<string, unknown>): RecordSnapshot => ({
  id: num(a.ID),
  holders: [num(a.RESPONSIBLE_ID)],
  open: !isYes(a.COMPLETED),
  companyId: num(a.OWNER_TYPE_ID) === CRM_TYPES.company ? num(a.OWNER_ID) : 0,
  contactId: num(a.OWNER_TYPE_ID) === CRM_TYPES.contact ? num(a.OWNER_ID) : 0,
  ownerRef: `${num(a.OWNER_TYPE_ID)}:${num(a.OWNER_ID)}`,
});

export const ACTIVITY_ROLE: OwnershipRole = {
  type: "activity",
  role: "responsible",
  multi: false,
  hasOpenState: true,
  // crm.activity.list filters by CREATED and LAST_UPDATED (crm-activity-list.md, crm-activity-fields.md).
  filters: ["created", "changed"],
  list: (userId, query) => ({
    method: "crm.activity.list",
    params: {
      filter: { RESPONSIBLE_ID: userId, ...(query.openOnly ? { COMPLETED: "N" } : {}), ...dateFilter(query, { created: "CREATED", changed: "LAST_UPDATED" }) },
      select: ACTIVITY_SELECT,
    },
  }),
  snapshot: activitySnapshot,
  read: (id) => ({ method: "crm.activity.get", params: { id } }),
  readSnapshot: (result) => (result && typeof result === "object" && "ID" in result ? activitySnapshot(result as Record<string, unknown>) : null),
  change: (record, _from, to) => ({ method: "crm.activity.update", params: { id: record.id, fields: { RESPONSIBLE_ID: to } } }),
};

const groupSnapshot = (g: Record<string, unknown>): RecordSnapshot => ({
  id: num(g.ID),
  holders: [num(g.OWNER_ID)],
  open: !isYes(g.CLOSED),
  companyId: 0,
  contactId: 0,
});

export const WORKGROUP_ROLE: OwnershipRole = {
  type: "workgroup",
  role: "owner",
  multi: false,
  hasOpenState: true,
  filters: [],
  list: (userId, query) => ({
    method: "sonet_group.get",
    params: { FILTER: { OWNER_ID: userId, ...(query.openOnly ? { CLOSED: "N" } : {}) }, IS_ADMIN: "Y" },
    options: { filterParam: "FILTER" },
  }),
  snapshot: groupSnapshot,
  read: (id) => ({ method: "sonet_group.get", params: { FILTER: { ID: id }, IS_ADMIN: "Y" } }),
  readSnapshot: (result) => {
    const first = Array.isArray(result) ? (result[0] as Record<string, unknown> | undefined) : undefined;
    return first ? groupSnapshot(first) : null;
  },
  change: (record, _from, to) => ({ method: "sonet_group.setowner", params: { GROUP_ID: record.id, USER_ID: to } }),
};

const departmentSnapshot = (d: Record<string, unknown>): RecordSnapshot => ({
  id: num(d.ID),
  holders: [num(d.UF_HEAD)],
  open: true,
  companyId: 0,
  contactId: 0,
});

export const DEPARTMENT_ROLE: OwnershipRole = {
  type: "department",
  role: "head",
  multi: false,
  hasOpenState: false,
  filters: [],
  // department.get takes its filter as top-level fields and pages with `start` only; a user heads
  // few departments, so a page or two holds them all. No `sort`: SORT is also a filter field.
  list: (userId) => ({ method: "department.get", params: { UF_HEAD: userId }, smallList: true }),
  snapshot: departmentSnapshot,
  read: (id) => ({ method: "department.get", params: { ID: id } }),
  readSnapshot: (result) => {
    const first = Array.isArray(result) ? (result[0] as Record<string, unknown> | undefined) : undefined;
    return first ? departmentSnapshot(first) : null;
  },
  change: (record, _from, to) => ({ method: "department.update", params: { ID: record.id, UF_HEAD: to } }),
};
