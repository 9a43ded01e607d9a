/**
 * Entity readers for the control API's "read an entity by type and id". Platform types are
 * built in; the business-data families register theirs (task, deal, …) with registerEntityReader.
 */
import type { Portal } from "../state/types";

export type EntityReader = (portal: Portal, id: number) => unknown | undefined;

const readers = new Map<string, EntityReader>();

export function registerEntityReader(type: string, reader: EntityReader): void {
  readers.set(type.toLowerCase(), reader);
}

export function readEntity(portal: Portal, type: string, id: number): unknown | undefined {
  return readers.get(type.toLowerCase())?.(portal, id);
}

export function entityTypes(): string[] {
  return [...readers.keys()];
}

registerEntityReader("user", (p, id) => p.users.get(id));
registerEntityReader("department", (p, id) => p.departments.get(id));
registerEntityReader("notification", (p, id) => p.data.notifications.find((n) => n.id === id));
registerEntityReader("eventBinding", (p, id) => p.eventBindings.find((b) => b.id === id));
