/**
 * Scope checks. A token carries its app's scopes, a webhook its own. Reading users is also
 * granted by the narrower `user_brief` / `user_basic` scopes (b24restdocs api-reference/scopes/permissions.md).
 */
const READ_ALIASES: Record<string, string[]> = {
  "user.get": ["user_brief", "user_basic"],
  "user.current": ["user_brief", "user_basic"],
  "user.fields": ["user_brief", "user_basic"],
  "user.search": ["user_brief", "user_basic"],
};

export function hasScope(scopes: ReadonlySet<string>, required: string | null, method: string): boolean {
  if (required === null) return true;
  if (scopes.has(required)) return true;
  return (READ_ALIASES[method.toLowerCase()] ?? []).some((s) => scopes.has(s));
}
