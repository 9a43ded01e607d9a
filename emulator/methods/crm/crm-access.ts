/**
 * CRM rights in the simplest model we can defend for a portal with default settings (Bitrix24
 * gives every employee a CRM role; we model its usual shape — see b24restdocs
 * api-reference/crm/universal/crm-item-get.md, ACCESS_DENIED "no read access"):
 * - admins read and change everything;
 * - an employee reads a record that is open to all (OPENED=Y), that they are responsible for,
 *   created or observe, or whose responsible they manage (seed/org.ts);
 * - an employee changes a record they are responsible for or observe, or whose responsible they
 *   manage; anything else is refused;
 * - extranet users see no CRM at all.
 */
import type { Portal, PortalUser } from "../../state/types";
import { crmObservers } from "../../seed/derive";
import { subordinatesOf } from "../../seed/org";

export function crmReader(portal: Portal, user: PortalUser, etid: number): ((row: number) => boolean) | undefined {
  if (user.admin) return undefined;
  if (user.userType === "extranet") return () => false;
  const t = portal.data.crm.get(etid)!;
  const subs = subordinatesOf(portal, user.id);
  const assigned = t.col("assignedById");
  const created = t.col("createdBy");
  const opened = t.col("opened");
  const uid = user.id;
  return (r) => opened[r] === 1 || assigned[r] === uid || created[r] === uid || subs.has(assigned[r]) || crmObservers(portal.data, etid, r).includes(uid);
}

export function canReadCrm(portal: Portal, user: PortalUser, etid: number, row: number): boolean {
  const reader = crmReader(portal, user, etid);
  return !reader || reader(row);
}

export function canWriteCrm(portal: Portal, user: PortalUser, etid: number, row: number): boolean {
  if (user.admin) return true;
  if (user.userType === "extranet") return false;
  const t = portal.data.crm.get(etid)!;
  const assigned = t.int("assignedById", row);
  return assigned === user.id || subordinatesOf(portal, user.id).has(assigned) || crmObservers(portal.data, etid, row).includes(user.id);
}

export function canAddCrm(user: PortalUser): boolean {
  return user.userType !== "extranet";
}
