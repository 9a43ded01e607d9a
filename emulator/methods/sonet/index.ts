/**
 * sonet_group.get, sonet_group.setowner, sonet_group.user.groups.
 * Follows b24restdocs api-reference/sonet-group/sonet-group-get.md, sonet-group-setowner.md and
 * sonet-group-user-groups.md, read as the server does them (modules/socialnetwork/classes/general/
 * rest.php, CSocNetLogRestService; Helper\Workgroup::setOwner):
 * - get: the keys are exactly ORDER, FILTER, GROUP_ID, IS_ADMIN (upper case; `filter` is not
 *   read). ORDER defaults to ID DESC. A filter key whose operator prefix is not one of
 *   checkGroupFilter's (!, <, <=, >, >=, ><, !><, ?, =, !=, %, !%) is dropped, so `@ID` filters
 *   nothing; `?` searches text like `%`. GROUP_ID > 0 adds ID. IS_ADMIN=Y lifts the rights check
 *   for an administrator only; otherwise a user sees visible groups and the groups they belong to.
 * - setowner: GROUP_ID / USER_ID not positive → "Invalid workgroup/project ID" / "Invalid user ID";
 *   a group the caller cannot see → "Invalid workgroup/project ID"; only the owner or an
 *   administrator may change it ("Insufficient permissions to complete the operation."); a user
 *   who cannot own it (unknown, dismissed) → "Cannot complete operation."; errors carry an empty code.
 * - user.groups: the caller's groups as owner (A), moderator (E) or member (K).
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import type { Workgroup } from "../../state/portal-data";
import { makeView } from "../../seed/field-view";
import { param } from "../../seed/read-params";
import { parseOrder, runQuery } from "../../seed/query";

const fail = (msg: string) => new RestError("", msg, 400);

function groupView(groups: Workgroup[]) {
  const flag = (f: (g: Workgroup) => boolean) => ({ kind: "flag" as const, get: (r: number) => (f(groups[r]) ? "Y" : "N") });
  return makeView({
    ID: { kind: "int", get: (r) => groups[r].id },
    NAME: { kind: "string", get: (r) => groups[r].name },
    OWNER_ID: { kind: "int", get: (r) => groups[r].ownerId },
    PROJECT: flag((g) => g.project),
    VISIBLE: flag((g) => g.visible),
    OPENED: flag((g) => g.opened),
    CLOSED: flag((g) => g.closed),
    ACTIVE: flag((g) => g.active),
    IS_EXTRANET: flag((g) => g.isExtranet),
    DATE_CREATE: { kind: "date", get: (r) => Date.parse(groups[r].createdAt) / 1000 },
    // The emulator keeps one date per group: updated and last active when created.
    DATE_UPDATE: { kind: "date", get: (r) => Date.parse(groups[r].createdAt) / 1000 },
    DATE_ACTIVITY: { kind: "date", get: (r) => Date.parse(groups[r].createdAt) / 1000 },
    SUBJECT_ID: { kind: "int", get: () => 1 },
  });
}

function format(g: Workgroup) {
  const yn = (b: boolean) => (b ? "Y" : "N");
  return {
    ID: String(g.id),
    SITE_ID: "s1",
    NAME: g.name,
    DESCRIPTION: g.description || null,
    DATE_CREATE: g.createdAt,
    DATE_UPDATE: g.createdAt,
    ACTIVE: yn(g.active),
    VISIBLE: yn(g.visible),
    OPENED: yn(g.opened),
    CLOSED: yn(g.closed),
    SUBJECT_ID: "1",
    OWNER_ID: String(g.ownerId),
    KEYWORDS: null,
    NUMBER_OF_MEMBERS: String(g.members.size),
    DATE_ACTIVITY: g.createdAt,
    SUBJECT_NAME: "Workgroups",
    PROJECT: yn(g.project),
    IS_EXTRANET: yn(g.isExtranet),
  };
}

const ALLOWED_OPS = new Set(["", "!", "<", "<=", ">", ">=", "><", "!><", "?", "=", "!=", "%", "!%"]);

/** checkGroupFilter: keys with an operator outside the allowed list are dropped; `?` reads as `%`. */
function groupFilter(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const [, op, field] = /^([^a-zA-Z]*)(.*)$/s.exec(key)!;
    if (!ALLOWED_OPS.has(op) || field === "CHECK_PERMISSIONS") continue;
    out[op === "?" ? `%${field}` : key] = value;
  }
  return out;
}

function get(call: MethodCall) {
  const p = call.params;
  const groups = call.portal.data.workgroups;
  const view = groupView(groups);
  const filter = groupFilter(p.FILTER);
  if (Number(p.GROUP_ID) > 0) filter.ID = p.GROUP_ID;
  // Sorting by row index works as sorting by ID: groups are kept in ID order.
  const orderRaw = p.ORDER && typeof p.ORDER === "object" ? (p.ORDER as Record<string, unknown>) : { ID: "DESC" };
  const order = parseOrder(view, orderRaw, {});
  const unchecked = call.user.admin && p.IS_ADMIN === "Y";
  const visible = unchecked ? undefined : (r: number) => groups[r].visible || groups[r].members.has(call.user.id);
  const page = runQuery(view, groups.length, { filter, order, start: readStart(p) }, {}, visible);
  return { result: page.rows.map((r) => format(groups[r])), total: page.total, next: page.next };
}

function setOwner(call: MethodCall) {
  const groupId = Math.trunc(Number(param(call.params, "GROUP_ID")) || 0);
  const userId = Math.trunc(Number(param(call.params, "USER_ID")) || 0);
  if (groupId <= 0) throw fail("Invalid workgroup/project ID");
  if (userId <= 0) throw fail("Invalid user ID");
  const g = call.portal.data.workgroups.find((w) => w.id === groupId);
  if (!g || (!call.user.admin && !g.visible && !g.members.has(call.user.id))) throw fail("Invalid workgroup/project ID");
  // UserCanModifyGroup: the owner or an administrator (a moderator may not).
  if (!call.user.admin && g.ownerId !== call.user.id) throw fail("Insufficient permissions to complete the operation.");
  const user = call.portal.users.get(userId);
  if (!user || !user.active) throw fail("Cannot complete operation.");
  // The old owner stays in the group as a moderator, as the portal's UI does it.
  g.members.set(g.ownerId, "E");
  g.members.set(userId, "A");
  g.ownerId = userId;
  return { result: true };
}

function userGroups(call: MethodCall) {
  const result = call.portal.data.workgroups
    .filter((g) => g.members.has(call.user.id))
    .map((g) => ({
      GROUP_ID: String(g.id),
      GROUP_NAME: g.name,
      ROLE: g.members.get(call.user.id)!,
      GROUP_IMAGE_ID: null,
      GROUP_IMAGE: "",
      ...(g.isExtranet ? { IS_EXTRANET: "Y" } : {}),
    }));
  return { result };
}

defineMethods(
  { name: "sonet_group.get", scope: "sonet_group", handler: get },
  { name: "sonet_group.setowner", scope: "sonet_group", handler: setOwner },
  { name: "sonet_group.user.groups", scope: "sonet_group", handler: userGroups },
);
