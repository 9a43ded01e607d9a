/**
 * How a task row looks through tasks.task.*: the filter view (UPPER_CASE keys as
 * tasks.task.list's filter takes them) and the camelCase result object.
 * Follows b24restdocs api-reference/tasks/fields.md and tasks-task-list.md (IDs and flags are
 * strings in results, dates ISO 8601 with offset, `auditors`/`accomplices` arrays of string IDs,
 * `creator`/`responsible` user objects).
 */
import type { PortalData } from "../../state/portal-data";
import type { Portal } from "../../state/types";
import { taskAccomplices, taskAuditors, taskCrmBindings, taskDescription, taskTitle } from "../../seed/derive";
import { makeView, type View } from "../../seed/field-view";
import { isoFromSeconds } from "../../seed/table";

const viewCache = new WeakMap<PortalData, View>();
/** The clock the STATUS filter reads overdue tasks by (set by each list call). */
const clocks = new WeakMap<PortalData, { now: number; lastName: (userId: number) => string }>();

/** subStatus: -1 = overdue (tasks-task-list.md, STATUS meta-statuses), else the status. */
function subStatus(d: PortalData, row: number, nowMs: number): number {
  const status = d.tasks.int("status", row);
  const deadline = d.tasks.int("deadline", row);
  return deadline && deadline * 1000 < nowMs && (status === 2 || status === 3) ? -1 : status;
}

/**
 * The filter view. Every filter key tasks-task-list.md documents is here; the emulated tasks have
 * no tags, marks, dependencies, scrum sprints or forum topics and are all root tasks on site s1, so
 * those keys compare with those constant values rather than being dropped. UF_CRM_TASK holds the
 * task's CRM bindings ("D_12"); a filter value matches a task bound to it.
 */
export function taskView(d: PortalData, now: Date = new Date(), portal?: Portal): View {
  const clock = clocks.get(d) ?? { now: 0, lastName: () => "" };
  clock.now = now.getTime();
  if (portal) clock.lastName = (id) => portal.users.get(id)?.lastName ?? "";
  clocks.set(d, clock);
  let v = viewCache.get(d);
  if (v) return v;
  const t = d.tasks;
  const col = (c: Parameters<typeof t.col>[0]) => ({
    kind: "int" as const,
    get: (r: number) => t.col(c)[r],
    get column() {
      return t.col(c);
    },
  });
  const date = (c: Parameters<typeof t.col>[0]) => ({ kind: "date" as const, get: (r: number) => t.col(c)[r] });
  v = makeView({
    ID: { kind: "int", get: (r) => r + 1 },
    TITLE: { kind: "string", get: (r) => taskTitle(d, r) },
    RESPONSIBLE_ID: col("responsibleId"),
    CREATED_BY: col("createdBy"),
    CHANGED_BY: col("changedBy"),
    STATUS_CHANGED_BY: col("changedBy"),
    REAL_STATUS: col("status"),
    STATUS: { kind: "int", get: (r) => subStatus(d, r, clock.now) },
    PRIORITY: col("priority"),
    GROUP_ID: col("groupId"),
    CREATED_DATE: date("createdAt"),
    CHANGED_DATE: date("changedAt"),
    CLOSED_DATE: date("closedAt"),
    DEADLINE: date("deadline"),
    ACCOMPLICE: { kind: "list", get: (r) => taskAccomplices(d, r) },
    AUDITOR: { kind: "list", get: (r) => taskAuditors(d, r) },
    PARENT_ID: { kind: "int", get: () => 0 },
    FORUM_TOPIC_ID: { kind: "int", get: () => 0 },
    TAG: { kind: "texts", get: () => [] },
    MARK: { kind: "string", get: () => "" },
    SITE_ID: { kind: "string", get: () => "s1" },
    ADD_IN_REPORT: { kind: "flag", get: () => "N" },
    DATE_START: { kind: "date", get: () => 0 },
    DEPENDS_ON: { kind: "list", get: () => [] },
    STAGE_ID: { kind: "int", get: () => 0 },
    SPRINT_ID: { kind: "int", get: () => 0 },
    BACKLOG_ID: { kind: "int", get: () => 0 },
    UF_CRM_TASK: { kind: "texts", get: (r) => taskCrmBindings(d, r) },
    // Sort keys (tasks-task-list.md, order).
    CREATED_BY_LAST_NAME: { kind: "string", get: (r) => clock.lastName(t.col("createdBy")[r]) },
    RESPONSIBLE_LAST_NAME: { kind: "string", get: (r) => clock.lastName(t.col("responsibleId")[r]) },
    TIME_ESTIMATE: { kind: "int", get: () => 0 },
    START_DATE_PLAN: { kind: "date", get: () => 0 },
    END_DATE_PLAN: { kind: "date", get: () => 0 },
    ALLOW_CHANGE_DEADLINE: { kind: "flag", get: () => "Y" },
    ALLOW_TIME_TRACKING: { kind: "flag", get: () => "N" },
    FAVORITE: { kind: "flag", get: () => "N" },
    ACTIVITY_DATE: date("changedAt"),
  });
  viewCache.set(d, v);
  return v;
}

/** Result fields in the order the API prints them: [camelCase name, UPPER_CASE select name]. */
const FIELDS: Array<[string, string]> = [
  ["id", "ID"],
  ["parentId", "PARENT_ID"],
  ["title", "TITLE"],
  ["description", "DESCRIPTION"],
  ["mark", "MARK"],
  ["priority", "PRIORITY"],
  ["multitask", "MULTITASK"],
  ["notViewed", "NOT_VIEWED"],
  ["replicate", "REPLICATE"],
  ["stageId", "STAGE_ID"],
  ["createdBy", "CREATED_BY"],
  ["createdDate", "CREATED_DATE"],
  ["responsibleId", "RESPONSIBLE_ID"],
  ["changedBy", "CHANGED_BY"],
  ["changedDate", "CHANGED_DATE"],
  ["statusChangedBy", "STATUS_CHANGED_BY"],
  ["closedBy", "CLOSED_BY"],
  ["closedDate", "CLOSED_DATE"],
  ["activityDate", "ACTIVITY_DATE"],
  ["dateStart", "DATE_START"],
  ["deadline", "DEADLINE"],
  ["startDatePlan", "START_DATE_PLAN"],
  ["endDatePlan", "END_DATE_PLAN"],
  ["commentsCount", "COMMENTS_COUNT"],
  ["allowChangeDeadline", "ALLOW_CHANGE_DEADLINE"],
  ["allowTimeTracking", "ALLOW_TIME_TRACKING"],
  ["taskControl", "TASK_CONTROL"],
  ["addInReport", "ADD_IN_REPORT"],
  ["timeEstimate", "TIME_ESTIMATE"],
  ["siteId", "SITE_ID"],
  ["favorite", "FAVORITE"],
  ["groupId", "GROUP_ID"],
  ["status", "STATUS"],
  ["subStatus", "SUB_STATUS"],
  ["auditors", "AUDITORS"],
  ["accomplices", "ACCOMPLICES"],
  ["group", "GROUP"],
  ["creator", "CREATOR"],
  ["responsible", "RESPONSIBLE"],
  ["accomplicesData", "ACCOMPLICES_DATA"],
  ["auditorsData", "AUDITORS_DATA"],
  ["ufCrmTask", "UF_CRM_TASK"],
];
/** User fields (UF_*) are printed only when selected by name or with "UF_*" (tasks-task-list.md, select). */
const USER_FIELDS = new Set(["ufCrmTask"]);
/** Fields stored with the record: what the list prints without a select (tasks-task-list.md). */
const DEFAULT = new Set(FIELDS.filter(([c]) => !c.endsWith("Data") && !USER_FIELDS.has(c)).map(([c]) => c));
const BY_UPPER = new Map(
  FIELDS.flatMap(([c, u]) => [
    [u, c],
    [c.toUpperCase(), c],
  ]),
);

export function resolveTaskSelect(select: string[] | null): Set<string> {
  const userFields = select?.some((s) => s.toUpperCase() === "UF_*") ? [...USER_FIELDS] : [];
  if (!select || select.includes("*")) return select ? new Set([...FIELDS.map(([c]) => c).filter((c) => !USER_FIELDS.has(c)), ...userFields]) : DEFAULT;
  const out = new Set<string>(["id", ...userFields]);
  for (const s of select) {
    const c = BY_UPPER.get(s.toUpperCase()) ?? BY_UPPER.get(s.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase());
    if (c) out.add(c);
  }
  // A participant array in select brings its *Data twin, as the documented example shows.
  if (out.has("auditors")) out.add("auditorsData");
  if (out.has("accomplices")) out.add("accomplicesData");
  return out;
}

function userBrief(portal: Portal, id: number) {
  const u = portal.users.get(id);
  return {
    id: String(id),
    name: u ? `${u.name} ${u.lastName}`.trim() : "",
    link: `/company/personal/user/${id}/`,
    icon: u?.personalPhoto || "/bitrix/images/tasks/default_avatar.png",
    workPosition: u?.workPosition ?? "",
  };
}

export function formatTask(portal: Portal, row: number, fields: Set<string>, now: Date): Record<string, unknown> {
  const d = portal.data;
  const t = d.tasks;
  const status = t.int("status", row);
  const deadline = t.int("deadline", row);
  const dateOrNull = (s: number) => (s ? isoFromSeconds(s) : null);
  const group = t.int("groupId", row);
  const g = group ? d.workgroups.find((w) => w.id === group) : undefined;
  const acc = () => taskAccomplices(d, row);
  const aud = () => taskAuditors(d, row);
  const closedAt = t.int("closedAt", row);
  const all: Record<string, () => unknown> = {
    id: () => String(row + 1),
    parentId: () => null,
    title: () => taskTitle(d, row),
    description: () => taskDescription(d, row),
    mark: () => null,
    priority: () => String(t.int("priority", row)),
    multitask: () => "N",
    notViewed: () => "N",
    replicate: () => "N",
    stageId: () => "0",
    createdBy: () => String(t.int("createdBy", row)),
    createdDate: () => isoFromSeconds(t.int("createdAt", row)),
    responsibleId: () => String(t.int("responsibleId", row)),
    changedBy: () => String(t.int("changedBy", row)),
    changedDate: () => isoFromSeconds(t.int("changedAt", row)),
    statusChangedBy: () => String(t.int("changedBy", row)),
    closedBy: () => (closedAt ? String(t.int("responsibleId", row)) : "0"),
    closedDate: () => dateOrNull(closedAt),
    activityDate: () => isoFromSeconds(t.int("changedAt", row)),
    dateStart: () => null,
    deadline: () => dateOrNull(deadline),
    startDatePlan: () => null,
    endDatePlan: () => null,
    commentsCount: () => "0",
    allowChangeDeadline: () => "Y",
    allowTimeTracking: () => "N",
    taskControl: () => "N",
    addInReport: () => "N",
    timeEstimate: () => "0",
    siteId: () => "s1",
    favorite: () => "N",
    groupId: () => String(group),
    status: () => String(status),
    // subStatus -1 = overdue (tasks-task-list.md, STATUS meta-statuses).
    subStatus: () => String(subStatus(d, row, now.getTime())),
    auditors: () => aud().map(String),
    accomplices: () => acc().map(String),
    group: () => (g ? { id: String(g.id), name: g.name, opened: g.opened, membersCount: g.members.size, image: "", additionalData: [] } : []),
    creator: () => userBrief(portal, t.int("createdBy", row)),
    responsible: () => userBrief(portal, t.int("responsibleId", row)),
    // PHP prints an empty map as [] (tasks-task-list.md example: "accomplicesData": []).
    accomplicesData: () => (acc().length ? Object.fromEntries(acc().map((u) => [String(u), userBrief(portal, u)])) : []),
    auditorsData: () => (aud().length ? Object.fromEntries(aud().map((u) => [String(u), userBrief(portal, u)])) : []),
    ufCrmTask: () => taskCrmBindings(d, row),
  };
  const out: Record<string, unknown> = {};
  for (const [c] of FIELDS) if (fields.has(c)) out[c] = all[c]();
  return out;
}
