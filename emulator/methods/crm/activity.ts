/**
 * crm.activity.list / get / fields, and the registration of every activity method (add and
 * update are in activity-write.ts, crm.timeline.comment.add in timeline-comment.ts; how an
 * activity reads is in activity-record.ts). Follows b24restdocs
 * api-reference/crm/timeline/activities/activity-base/crm-activity-list.md, crm-activity-get.md and
 * crm-activity-fields.md. Errors are `{"error": "", ...}` HTTP 400 with the documented texts.
 * Rights: an activity is readable with its owner record (crm-access.ts), and always by its
 * responsible person.
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import { param, readObject, readSelect } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";
import type { PortalData } from "../../state/portal-data";
import { ACTIVITY_OUTPUT, activityReader, activityRow, activityView, formatActivity } from "./activity-record";
import { addActivity, updateActivity } from "./activity-write";
import { commentAdd } from "./timeline-comment";

const fail = (msg: string) => new RestError("", msg, 400);

/**
 * The BINDINGS filter (fields.md: BINDINGS, crm_activity_binding): a list of {OWNER_TYPE_ID,
 * OWNER_ID}; an activity matches when it is bound to one of them. Emulated activities have one
 * binding, their owner.
 */
function withBindings(visible: ((row: number) => boolean) | undefined, d: PortalData, filter: Record<string, unknown>): ((row: number) => boolean) | undefined {
  const key = Object.keys(filter).find((k) => k.toUpperCase() === "BINDINGS");
  if (!key) return visible;
  const raw = filter[key];
  const list = (Array.isArray(raw) ? raw : raw && typeof raw === "object" ? Object.values(raw) : []) as Array<Record<string, unknown>>;
  const wanted = new Set(list.filter((b) => b && typeof b === "object").map((b) => `${Number(b.OWNER_TYPE_ID)}:${Number(b.OWNER_ID)}`));
  const a = d.activities;
  const bound = (r: number) => wanted.has(`${a.int("ownerTypeId", r)}:${a.int("ownerId", r)}`);
  return visible ? (r) => bound(r) && visible(r) : bound;
}

function list(call: MethodCall) {
  const p = call.params;
  const d = call.portal.data;
  const view = activityView(d);
  const filter = readObject(param(p, "filter", "FILTER"), "filter", fail);
  const order = parseOrder(view, readObject(param(p, "order", "ORDER"), "order", fail), {});
  const visible = withBindings(activityReader(call.portal, call.user), d, filter);
  const page = runQuery(view, d.activities, { filter, order, start: readStart(p) }, { ignore: (k) => k.toUpperCase() === "BINDINGS" }, visible);
  const sel = readSelect(param(p, "select", "SELECT"));
  const select =
    sel && !sel.includes("*")
      ? new Set(["ID", ...sel.map((s) => s.toUpperCase())])
      : sel
        ? new Set(ACTIVITY_OUTPUT.filter((k) => k !== "COMMUNICATIONS").concat(sel.map((s) => s.toUpperCase())))
        : null;
  return { result: page.rows.map((r) => formatActivity(d, r, select)), total: page.total, next: page.next };
}

function get(call: MethodCall) {
  const row = activityRow(call);
  const r = activityReader(call.portal, call.user);
  if (r && !r(row)) throw fail("Access denied.");
  return { result: formatActivity(call.portal.data, row, new Set(ACTIVITY_OUTPUT)) };
}

/** crm.activity.fields (crm-activity-fields.md): the fields above, with their type and flags. */
function fields() {
  const TYPES: Record<string, string> = {
    COMMUNICATIONS: "crm_activity_communication",
    COMPLETED: "char",
    SUBJECT: "string",
    DESCRIPTION: "string",
    LOCATION: "string",
    PROVIDER_ID: "string",
    PROVIDER_TYPE_ID: "string",
  };
  const READONLY = new Set(["ID", "CREATED", "LAST_UPDATED", "AUTHOR_ID", "EDITOR_ID", "STATUS"]);
  return {
    result: Object.fromEntries(
      ACTIVITY_OUTPUT.map((k) => [
        k,
        {
          type: TYPES[k] ?? (/TIME|CREATED|UPDATED|DEADLINE/.test(k) ? "datetime" : "integer"),
          isRequired: ["OWNER_ID", "OWNER_TYPE_ID", "TYPE_ID", "COMMUNICATIONS", "SUBJECT"].includes(k),
          isReadOnly: READONLY.has(k),
          isImmutable: k === "OWNER_ID" || k === "OWNER_TYPE_ID" || k === "TYPE_ID",
          isMultiple: k === "COMMUNICATIONS",
          isDynamic: false,
          title: k,
        },
      ]),
    ),
  };
}

defineMethods(
  { name: "crm.activity.fields", scope: "crm", handler: fields },
  { name: "crm.activity.list", scope: "crm", handler: list },
  { name: "crm.activity.get", scope: "crm", handler: get },
  { name: "crm.activity.add", scope: "crm", handler: addActivity },
  { name: "crm.activity.update", scope: "crm", handler: updateActivity },
  { name: "crm.timeline.comment.add", scope: "crm", handler: commentAdd },
);
