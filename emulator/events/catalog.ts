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
 * api-reference/users/events/on-user-add.md, api-reference/departments/events/.
 */

const crud = (prefix: string) => ["ADD", "UPDATE", "DELETE"].map((op) => `${prefix}${op}`);

const BY_SCOPE: Record<string, string[]> = {
  // Global: app events (modules/rest/classes/general/rest_provider.php's own EVENTS list).
  "": ["ONAPPINSTALL", "ONAPPUNINSTALL", "ONAPPUPDATE", "ONAPPTEST"],
  user: ["ONUSERADD"],
  department: crud("ONDEPARTMENT"),
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

/** The scope an event belongs to ("" = global), or undefined for an event the portal does not know. */
export function eventScope(event: string): string | undefined {
  return SCOPE_OF.get(event.toUpperCase());
}

/** Whether a token with these scopes may bind the event (global events: always). */
export function canBind(event: string, scopes: ReadonlySet<string>): boolean {
  const scope = eventScope(event);
  return scope !== undefined && (scope === "" || scopes.has(scope));
}

/** CRM record events by entityTypeId: the type's own events, smart processes share ONCRMDYNAMICITEM*. */
export function crmEventPrefix(entityTypeId: number): string | null {
  const fixed: Record<number, string> = { 1: "ONCRMLEAD", 2: "ONCRMDEAL", 3: "ONCRMCONTACT", 4: "ONCRMCOMPANY", 7: "ONCRMQUOTE" };
  if (fixed[entityTypeId]) return fixed[entityTypeId];
  // Smart invoices (31) have no documented REST event: none is sent.
  return entityTypeId >= 128 ? "ONCRMDYNAMICITEM" : null;
}
