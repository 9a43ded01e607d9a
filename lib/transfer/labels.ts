/** i18n keys of object types and roles (smart processes share one label; the UI adds the portal's title). */
export function typeLabelKey(type: string): string {
  return type.startsWith("dynamic-") ? "transfer.type.dynamic" : `transfer.type.${type}`;
}

export function roleLabelKey(role: string): string {
  return `transfer.role.${role}`;
}
