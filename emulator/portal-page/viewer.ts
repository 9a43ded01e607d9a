/**
 * Who is looking at the portal page. A real portal has a login; the emulator lets a tester be
 * any emulated user instead, remembered in a cookie. Cookies ignore ports, and every portal is
 * 127.0.0.1 on its own port, so the cookie's name carries the portal's key: two portals in one
 * browser keep separate choices.
 */
import type { IncomingMessage } from "node:http";
import type { AppInstall, Portal, PortalUser } from "../state/types";

/** The viewer cookie's name for a portal. */
export const viewerCookieName = (portal: Portal) => `b24emu_user_${portal.key.replace(/-/g, "_")}`;

function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The user the page acts as: the cookie's choice, else the app's installer, else the first admin. */
export function currentViewer(req: IncomingMessage, portal: Portal, install: AppInstall | null): PortalUser {
  const chosen = Number(readCookie(req, viewerCookieName(portal)));
  const fromCookie = Number.isInteger(chosen) ? portal.users.get(chosen) : undefined;
  if (fromCookie) return fromCookie;
  const installer = install ? portal.users.get(install.installedByUserId) : undefined;
  if (installer) return installer;
  const users = [...portal.users.values()];
  const first = users.find((u) => u.admin && u.active) ?? users[0];
  if (!first) throw new Error(`portal ${portal.key} has no users`);
  return first;
}

/** Set-Cookie value remembering the chosen user for this portal's pages. */
export function viewerCookie(portal: Portal, userId: number): string {
  return `${viewerCookieName(portal)}=${userId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`;
}

export function displayName(user: PortalUser): string {
  const full = `${user.name} ${user.lastName}`.trim();
  return full || user.email || user.login || `#${user.id}`;
}

/** Users in the order the switcher shows them: active first, then by ID. */
export function usersForSwitcher(portal: Portal): PortalUser[] {
  return [...portal.users.values()].sort((a, b) => Number(b.active) - Number(a.active) || a.id - b.id);
}
