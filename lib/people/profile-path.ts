/** A user's profile page inside the portal (relative to its base URL), where the portal's own UI links a person. */
export function profilePath(userId: number): string {
  return `/company/personal/user/${userId}/`;
}
