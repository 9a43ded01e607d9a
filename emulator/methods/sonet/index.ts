/**
 * sonet_group.get, sonet_group.setowner, sonet_group.user.groups.
 * Follows b24restdocs api-reference/sonet-group/sonet-group-get.md (ORDER, FILTER with operator
 * prefixes incl. OWNER_ID, GROUP_ID, IS_ADMIN=Y lifting the rights check for admins; UPPER_CASE
 * string fields), sonet-group-setowner.md (result true; errors with empty code) and
 * sonet-group-user-groups.md (the current user's groups with ROLE A owner / E moderator / K member).
 * Rights: a user sees visible groups and the groups they belong to; admins see all with
 * IS_ADMIN=Y; the owner, a moderator or an admin may change the owner.
 */
import { defineMethods, readStart, RestError, type MethodCall } from "../../rest/method-registry";
import type { Workgroup } from "../../state/portal-data";
import { makeView, param, parseOrder, readObject, runQuery } from "../../seed/query";

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

function get(call: MethodCall) {
  const p = call.params;
  const groups = call.portal.data.workgroups;
  const view = groupView(groups);
  const filter = { ...readObject(param(p, "FILTER", "filter"), "FILTER", fail) };
  const groupId = param(p, "GROUP_ID");
  if (groupId !== undefined) filter.ID = groupId;
  // Sorting by row index works as sorting by ID: groups are kept in ID order.
  const order = parseOrder(view, readObject(param(p, "ORDER", "order"), "ORDER", fail), {});
  const unchecked = call.user.admin && String(param(p, "IS_ADMIN") ?? "").toUpperCase() === "Y";
  const visible = unchecked ? undefined : (r: number) => groups[r].visible || groups[r].members.has(call.user.id);
  const page = runQuery(view, groups.length, { filter, order: order.length ? order : parseOrder(view, { ID: "DESC" }, {}), start: readStart(p) }, {}, visible);
  return { result: page.rows.map((r) => format(groups[r])), total: page.total, next: page.next };
}

function setOwner(call: MethodCall) {
  const groupId = Number(param(call.params, "GROUP_ID"));
  const userId = Number(param(call.params, "USER_ID"));
  const g = call.portal.data.workgroups.find((w) => w.id === groupId);
  if (!g) throw fail("Invalid workgroup/project ID");
  const user = call.portal.users.get(userId);
  if (!user || !user.active) throw fail("Invalid user ID");
  const role = g.members.get(call.user.id);
  if (!call.user.admin && role !== "A" && role !== "E") throw fail("User has no permissions to set owner");
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
