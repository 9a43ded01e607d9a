/**
 * How an emulated activity reads: its columns for filtering and ordering (the view runQuery
 * uses), the fields crm.activity.get/list print (b24restdocs
 * api-reference/crm/timeline/activities/activity-base/crm-activity-fields.md), who may read it,
 * and the row a call's ID names. Rights: an activity is readable with its owner record
 * (crm-access.ts), and always by its responsible person.
 */
import { RestError, type MethodCall } from "../../rest/method-registry";
import { ACTIVITY_KINDS, activityCommunications, activityDescription, activitySubject } from "../../seed/derive";
import { makeView, type View } from "../../seed/field-view";
import { param, readId } from "../../seed/read-params";
import { isoFromSeconds } from "../../seed/table";
import type { PortalData } from "../../state/portal-data";
import type { Portal, PortalUser } from "../../state/types";
import { crmReader } from "./crm-access";

const fail = (msg: string) => new RestError("", msg, 400);
const views = new WeakMap<PortalData, View>();

export function activityView(d: PortalData): View {
  let v = views.get(d);
  if (v) return v;
  const a = d.activities;
  const col = (c: Parameters<typeof a.col>[0]) => ({
    kind: "int" as const,
    get: (r: number) => a.col(c)[r],
    get column() {
      return a.col(c);
    },
  });
  const date = (c: Parameters<typeof a.col>[0]) => ({ kind: "date" as const, get: (r: number) => a.col(c)[r] });
  v = makeView({
    ID: { kind: "int", get: (r) => r + 1 },
    OWNER_ID: col("ownerId"),
    OWNER_TYPE_ID: col("ownerTypeId"),
    TYPE_ID: { kind: "int", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].typeId },
    PROVIDER_ID: { kind: "string", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].providerId },
    PROVIDER_TYPE_ID: { kind: "string", get: (r) => ACTIVITY_KINDS[a.int("kind", r)].providerTypeId },
    SUBJECT: { kind: "string", get: (r) => activitySubject(d, r) },
    COMPLETED: { kind: "flag", get: (r) => (a.int("completed", r) ? "Y" : "N") },
    STATUS: { kind: "int", get: (r) => (a.int("completed", r) ? 2 : 1) },
    RESPONSIBLE_ID: col("responsibleId"),
    AUTHOR_ID: col("authorId"),
    DIRECTION: col("direction"),
    PRIORITY: col("priority"),
    CREATED: date("createdAt"),
    START_TIME: date("startTime"),
    END_TIME: date("endTime"),
    DEADLINE: date("endTime"),
    // The rest of crm-activity-fields.md's filterable fields, with the values formatActivity() prints.
    ASSOCIATED_ENTITY_ID: { kind: "int", get: () => 0 },
    LAST_UPDATED: { kind: "date", get: (r) => ((a.override(r) ?? {}).updatedAt as number) ?? a.int("createdAt", r) },
    NOTIFY_TYPE: { kind: "int", get: () => 0 },
    DESCRIPTION: { kind: "string", get: (r) => activityDescription(d, r) },
    DESCRIPTION_TYPE: { kind: "int", get: (r) => ((a.override(r) ?? {}).descriptionType as number) ?? 1 },
    LOCATION: { kind: "string", get: () => "" },
    EDITOR_ID: { kind: "int", get: (r) => ((a.override(r) ?? {}).editorId as number) ?? a.int("authorId", r) },
  });
  views.set(d, v);
  return v;
}

export const ACTIVITY_OUTPUT = [
  "ID",
  "OWNER_ID",
  "OWNER_TYPE_ID",
  "TYPE_ID",
  "PROVIDER_ID",
  "PROVIDER_TYPE_ID",
  "ASSOCIATED_ENTITY_ID",
  "SUBJECT",
  "CREATED",
  "LAST_UPDATED",
  "START_TIME",
  "END_TIME",
  "DEADLINE",
  "COMPLETED",
  "STATUS",
  "RESPONSIBLE_ID",
  "PRIORITY",
  "NOTIFY_TYPE",
  "DESCRIPTION",
  "DESCRIPTION_TYPE",
  "DIRECTION",
  "LOCATION",
  "AUTHOR_ID",
  "EDITOR_ID",
  "COMMUNICATIONS",
];

export function formatActivity(d: PortalData, row: number, select: Set<string> | null): Record<string, unknown> {
  const a = d.activities;
  const kind = ACTIVITY_KINDS[a.int("kind", row)];
  const o = a.override(row) ?? {};
  const value: Record<string, () => unknown> = {
    ID: () => String(row + 1),
    OWNER_ID: () => String(a.int("ownerId", row)),
    OWNER_TYPE_ID: () => String(a.int("ownerTypeId", row)),
    TYPE_ID: () => String(kind.typeId),
    PROVIDER_ID: () => kind.providerId,
    PROVIDER_TYPE_ID: () => kind.providerTypeId,
    ASSOCIATED_ENTITY_ID: () => "0",
    SUBJECT: () => activitySubject(d, row),
    CREATED: () => isoFromSeconds(a.int("createdAt", row)),
    LAST_UPDATED: () => isoFromSeconds((o.updatedAt as number) ?? a.int("createdAt", row)),
    START_TIME: () => isoFromSeconds(a.int("startTime", row)),
    END_TIME: () => isoFromSeconds(a.int("endTime", row)),
    DEADLINE: () => isoFromSeconds(a.int("endTime", row)),
    COMPLETED: () => (a.int("completed", row) ? "Y" : "N"),
    STATUS: () => (a.int("completed", row) ? "2" : "1"),
    RESPONSIBLE_ID: () => String(a.int("responsibleId", row)),
    PRIORITY: () => String(a.int("priority", row)),
    NOTIFY_TYPE: () => "0",
    DESCRIPTION: () => activityDescription(d, row),
    DESCRIPTION_TYPE: () => String((o.descriptionType as number) ?? 1),
    DIRECTION: () => String(a.int("direction", row)),
    LOCATION: () => "",
    AUTHOR_ID: () => String(a.int("authorId", row)),
    EDITOR_ID: () => String((o.editorId as number) ?? a.int("authorId", row)),
    COMMUNICATIONS: () => activityCommunications(d, row),
  };
  const out: Record<string, unknown> = {};
  for (const k of ACTIVITY_OUTPUT) if (select ? select.has(k) : k !== "COMMUNICATIONS") out[k] = value[k]();
  return out;
}

export function activityReader(portal: Portal, user: PortalUser): ((row: number) => boolean) | undefined {
  if (user.admin) return undefined;
  const a = portal.data.activities;
  const resp = a.col("responsibleId");
  const ownerType = a.col("ownerTypeId");
  const ownerId = a.col("ownerId");
  const byType = new Map<number, ((r: number) => boolean) | undefined>();
  return (r) => {
    if (resp[r] === user.id) return true;
    const etid = ownerType[r];
    if (!portal.data.crm.has(etid)) return false;
    if (!byType.has(etid)) byType.set(etid, crmReader(portal, user, etid));
    const can = byType.get(etid);
    return !can || can(ownerId[r] - 1);
  };
}

export function activityRow(call: MethodCall): number {
  const id = readId(param(call.params, "id", "ID"));
  if (id === null) throw fail("ID is not defined or invalid.");
  if (!call.portal.data.activities.has(id)) throw fail("Activity is not found.");
  return id - 1;
}
