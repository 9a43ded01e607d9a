/**
 * The users' photos. Seeded users carry a portal-relative PERSONAL_PHOTO (as the portal's own
 * links are relative to the portal, e.g. tasks' `/company/personal/user/1/`); the portal serves
 * a generated picture there: the initials on a colour that follows the user ID.
 */
import type { ServerResponse } from "node:http";
import { escapeHtml } from "../http/respond";
import type { Portal, PortalUser } from "../state/types";

const AVATAR_PATH = /^\/upload\/main\/avatar\/(\d+)\.png$/;
const COLOURS = ["#2fc6f6", "#9dcf00", "#ff5752", "#ffa900", "#7a5cf0", "#00b4ac", "#f25bb0"];

export function initials(user: PortalUser): string {
  return ((user.name[0] ?? "") + (user.lastName[0] ?? "")).toUpperCase() || "?";
}

/** The photo's address on the portal page: the portal-relative path itself (the page is on the portal's origin). */
export function avatarSrc(_portal: Portal, user: PortalUser): string {
  return user.personalPhoto;
}

/** Serves `{portal}/upload/main/avatar/{id}.png`; false when the path is not a known user's photo. */
export function sendAvatar(res: ServerResponse, portal: Portal, subPath: string): boolean {
  const m = AVATAR_PATH.exec(subPath);
  const user = m ? portal.users.get(Number(m[1])) : undefined;
  if (!user || user.personalPhoto !== subPath) return false;
  const colour = COLOURS[user.id % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="${colour}"/><text x="50" y="50" dy=".35em" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="40" fill="#fff">${escapeHtml(initials(user))}</text></svg>`;
  // The extension says PNG, as the seeded paths do; browsers follow the content type.
  res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
  res.end(svg);
  return true;
}
