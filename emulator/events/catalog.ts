/**
 * The events an emulated portal offers, by the scope that carries them. The server looks an event
 * up among the scopes the app's token holds plus the global scope, and answers
 * ERROR_EVENT_NOT_FOUND "Event not found" otherwise (bitrix modules/rest/lib/api/event.php,
 * eventBind). Every event listed here is delivered by the emulator; a real event the emulator
 * does not deliver is left out on purpose, so binding it fails in tests instead of never firing.
 *
 * Sources: b24restdocs api-reference/common/events/ (app events), api-reference/crm/…/events/
 * (on-crm-deal-add.md and siblings, on-crm-dynamic-item-add.md, on-crm-activity-add.md),
 * api-reference/tasks/events-tasks/ (on-task-add.md, on-task-update.md, on-task-delete.md),
 * api-reference/users/events/on-user-add.md.
 *
 * Departments have no REST events: the docs list none (api-reference/departments/) and the
 * server's department methods (modules/intranet/classes/general/rest.php) register none, so
 * binding ONDEPARTMENT… answers ERROR_EVENT_NOT_FOUND as there.
 *
 * Smart-process items send the common ONCRMDYNAMICITEMADD / UPDATE / DELETE and the type's own
 * ONCRMDYNAMICITEMADD_{entityTypeId} (api-reference/crm/universal/events/index.md; the server
 * registers one per type of its dynamic types map and the type's factory sends both:
 * modules/crm/lib/integration/rest/eventmanager.php). Smart invoices (entityTypeId 31) send the
 * common events too, with ENTITY_TYPE_ID 31 — their item class extends the dynamic item
 * (modules/crm/lib/item/smartinvoice.php), which is what processItemEvent checks — but have no
 * type-specific event to bind: the dynamic types map keeps only CCrmOwnerType::isPossibleDynamicTypeId
 * types (modules/crm/lib/service/dynamictypesmap.php), i.e. smart processes from 128, and the
 * docs' `events` example lists only a smart process's (…_147).
 */

const crud = (prefix: string) => ["ADD", "UPDATE", "DELETE"].map((op) => `${prefix}${op}`);

const BY_SCOPE: Record<string, string[]> = {
  // Global: app events (modules/rest/classes/general/rest_provider.php's own EVENTS list).
  "": ["ONAPPINSTALL", "ONAPPUNINSTALL", "ONAPPUPDATE", "ONAPPTEST"],
  user: ["ONUSERADD"],
  crm: [
    ...crud("ONCRMLEAD"),
    ...crud("ONCRMDEAL"),
    ...crud("ONCRMCONTACT"),
    ...crud("ONCRMCOMPANY"),
    ...crud("ONCRMQUOTE"),
    ...crud("ONCRMDYNAMICITEM"),
    ...crud("ONCRMACTIVITY"),
  ],
  task: crud("ONTASK"),
};

const SCOPE_OF = new Map<string, string>();
for (const [scope, events] of Object.entries(BY_SCOPE)) for (const e of events) SCOPE_OF.set(e, scope);

const TYPE_EVENT = /^ONCRMDYNAMICITEM(ADD|UPDATE|DELETE)_(\d+)$/;

/**
 * The scope an event belongs to ("" = global), or undefined for an event the portal does not know.
 * `dynamicTypes` are the portal's CRM entity types; smart processes among them have type-specific events.
 */
export function eventScope(event: string, dynamicTypes: Iterable<number> = []): string | undefined {
  const name = event.toUpperCase();
  const typed = TYPE_EVENT.exec(name);
  if (typed) return Number(typed[2]) >= 128 && [...dynamicTypes].includes(Number(typed[2])) ? "crm" : undefined;
  return SCOPE_OF.get(name);
}

/** Whether a token with these scopes may bind the event (global events: always). */
export function canBind(event: string, scopes: ReadonlySet<string>, dynamicTypes: Iterable<number> = []): boolean {
  const scope = eventScope(event, dynamicTypes);
  return scope !== undefined && (scope === "" || scopes.has(scope));
}

/**
 * The `events` method's list (b24restdocs api-reference/events/events.md): the events of one scope,
 * of every scope (`full`), or of the token's scopes plus the global ones; smart processes add their
 * type-specific events to the crm scope.
 */
export function listEvents(scopes: ReadonlySet<string>, dynamicTypes: Iterable<number>, only: { scope?: string; full?: boolean }): string[] {
  const typed = [...dynamicTypes].filter((t) => t >= 128).flatMap((t) => ["ADD", "UPDATE", "DELETE"].map((op) => `ONCRMDYNAMICITEM${op}_${t}`));
  const of = (scope: string) => [...(BY_SCOPE[scope] ?? []), ...(scope === "crm" ? typed : [])];
  if (only.scope !== undefined) return of(only.scope);
  if (only.full) return Object.keys(BY_SCOPE).flatMap(of);
  return ["", ...[...scopes].filter((s) => s !== "")].flatMap(of);
}

/** Entity types whose items are dynamic (smart processes from 128, smart invoices 31). */
export const isDynamicType = (entityTypeId: number) => entityTypeId === 31 || entityTypeId >= 128;

/** CRM record events by entityTypeId: the type's own events, dynamic types share ONCRMDYNAMICITEM*. */
export function crmEventPrefix(entityTypeId: number): string | null {
  const fixed: Record<number, string> = { 1: "ONCRMLEAD", 2: "ONCRMDEAL", 3: "ONCRMCONTACT", 4: "ONCRMCOMPANY", 7: "ONCRMQUOTE" };
  if (fixed[entityTypeId]) return fixed[entityTypeId];
  return isDynamicType(entityTypeId) ? "ONCRMDYNAMICITEM" : null;
}
