/**
 * A user's profile page, {portal}/company/personal/user/{id}/ (the address a real portal uses and
 * the selectUser dialog links to): the person's name, position and status, and the items apps
 * bound to its context menu with placement.bind PLACEMENT=USER_PROFILE_MENU (b24restdocs
 * api-reference/widgets/user-profile/profile-menu.md). Choosing one opens the app's handler for
 * that person, as a real portal opens a placement: the usual form POST with
 * PLACEMENT=USER_PROFILE_MENU and PLACEMENT_OPTIONS {"USER_ID":"{id}"}
 * (…/user-profile/profile-menu.md "What the handler receives").
 *   /company/                                            the employees, each linking to their profile
 *   /company/personal/user/{id}/                         the profile
 *   /company/personal/user/{id}/placement/{clientId}/{n}/ the n-th profile item of that app, opened
 */
import { escapeHtml } from "../http/respond";
import type { AppInstall, AppRegistration, PlacementBinding, PortalUser } from "../state/types";
import { avatarSrc, initials } from "./avatar";
import type { ChromeModel } from "./chrome-model";
import { displayName, usersForSwitcher } from "./viewer";

export const PROFILE_MENU = "USER_PROFILE_MENU";

export interface ProfileItem {
  app: AppRegistration;
  index: number;
  binding: PlacementBinding;
}

/** The profile-menu items of installed apps, in install order then bind order. */
export function profileItems(installs: Iterable<AppInstall>, apps: Map<string, AppRegistration>): ProfileItem[] {
  const out: ProfileItem[] = [];
  for (const install of installs) {
    const app = apps.get(install.clientId);
    if (!app || !install.installed) continue;
    (install.placements ?? []).forEach((binding, index) => {
      if (binding.placement === PROFILE_MENU) out.push({ app, index, binding });
    });
  }
  return out;
}

/** The item's title in the page's language (LANG_ALL), else the bound TITLE. */
export function itemTitle(binding: PlacementBinding, lang: string): string {
  return binding.langAll?.[lang]?.TITLE || binding.title;
}

export function profileItemPath(base: string, userId: number, item: ProfileItem): string {
  return `${base}/company/personal/user/${userId}/placement/${encodeURIComponent(item.app.clientId)}/${item.index}/`;
}

/** The PLACEMENT_OPTIONS a profile item is opened with (the docs' sample sends the ID as a string). */
export function profilePlacementOptions(user: PortalUser): Record<string, unknown> {
  return { USER_ID: String(user.id) };
}

export function renderProfileMain(m: ChromeModel, user: PortalUser, items: ProfileItem[]): string {
  const photo = user.personalPhoto
    ? `<img class="b24-profile-photo" src="${escapeHtml(avatarSrc(m.portal, user))}" alt="">`
    : `<span class="b24-profile-photo b24-avatar-initials" aria-hidden="true">${escapeHtml(initials(user))}</span>`;
  const marks = [user.admin ? m.labels.admin : "", user.active ? "" : m.labels.dismissed].filter(Boolean);
  const menu = items.length
    ? items
        .map(
          (item) =>
            `<li><a href="${escapeHtml(profileItemPath(m.base, user.id, item))}" data-testid="profile-placement" data-client-id="${escapeHtml(item.app.clientId)}">${escapeHtml(itemTitle(item.binding, m.lang))}</a></li>`,
        )
        .join("")
    : `<li class="b24-muted">${escapeHtml(m.labels.noProfileItems)}</li>`;
  return `<h1 class="b24-title" data-testid="profile-name">${escapeHtml(displayName(user))}</h1>
<section class="b24-profile" data-testid="profile" data-user-id="${user.id}">
  ${photo}
  <div>
    <p>${escapeHtml(user.workPosition)}</p>
    ${marks.length ? `<p><span class="b24-badge" data-testid="profile-status">${escapeHtml(marks.join(", "))}</span></p>` : ""}
    <details class="b24-profile-menu" open>
      <summary>${escapeHtml(m.labels.profileMenu)}</summary>
      <ul data-testid="profile-menu">${menu}</ul>
    </details>
  </div>
</section>`;
}

/** The portal's employees (dismissed ones marked), each a link to their profile. */
export function renderEmployeesMain(m: ChromeModel): string {
  const rows = usersForSwitcher(m.portal)
    .map((u) => {
      const marks = [u.admin ? m.labels.admin : "", u.active ? "" : m.labels.dismissed].filter(Boolean);
      const badge = marks.length ? ` <span class="b24-badge">${escapeHtml(marks.join(", "))}</span>` : "";
      return `<li><a href="${m.base}/company/personal/user/${u.id}/" data-testid="employee-${u.id}">${escapeHtml(displayName(u))}</a> <span class="b24-muted">${escapeHtml(u.workPosition)}</span>${badge}</li>`;
    })
    .join("");
  return `<h1 class="b24-title">${escapeHtml(m.labels.employees)}</h1><ul class="b24-employees" data-testid="employees">${rows}</ul>`;
}
