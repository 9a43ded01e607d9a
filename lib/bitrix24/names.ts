/**
 * A portal user's (or CRM person's) name as the portal shows it: "NAME LAST_NAME", trimmed, parts
 * that are missing left out; "" when there is none. For the UI only: names are never logged or
 * stored in our tables (docs/architecture.md "What we keep"), except the installer's.
 */
export function displayName(person: { NAME?: string | null; LAST_NAME?: string | null }): string {
  return [person.NAME, person.LAST_NAME]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
}
