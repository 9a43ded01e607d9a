/**
 * Server-rendered HTML of the portal page: a plain Bitrix24-looking chrome (header with the
 * portal title, left menu, the user's avatar and the emulator's user switcher) around either
 * the start page or an app opened in an iframe.
 */
import { escapeHtml } from "../http/respond";
import type { AppRegistration, Portal, PortalLang, PortalUser } from "../state/types";
import { avatarSrc, initials } from "./avatar";
import type { ChromeModel } from "./chrome-model";
import { notificationBell } from "./notifications";
import { displayName, usersForSwitcher } from "./viewer";

export type { ChromeModel } from "./chrome-model";

function avatar(portal: Portal, user: PortalUser): string {
  return user.personalPhoto
    ? `<img class="b24-avatar" src="${escapeHtml(avatarSrc(portal, user))}" alt="">`
    : `<span class="b24-avatar b24-avatar-initials" aria-hidden="true">${escapeHtml(initials(user))}</span>`;
}

function userSwitcher(m: ChromeModel): string {
  const options = usersForSwitcher(m.portal)
    .map((u) => {
      const marks = [u.admin ? m.labels.admin : "", u.active ? "" : m.labels.dismissed].filter(Boolean);
      const text = `${displayName(u)} (#${u.id})${marks.length ? ` — ${marks.join(", ")}` : ""}`;
      const attrs = `value="${u.id}" data-admin="${u.admin ? "Y" : "N"}" data-active="${u.active ? "Y" : "N"}"`;
      return `<option ${attrs}${u.id === m.viewer.id ? " selected" : ""}>${escapeHtml(text)}</option>`;
    })
    .join("");
  return `<form class="b24-switcher" method="post" action="${m.base}/_portal/user">
  <input type="hidden" name="return" value="${escapeHtml(m.here)}">
  <label for="b24emu-user">${escapeHtml(m.labels.actingAs)}</label>
  <select id="b24emu-user" name="user_id" data-testid="user-switcher" onchange="this.form.submit()">${options}</select>
  <noscript><button type="submit">${escapeHtml(m.labels.switchUser)}</button></noscript>
</form>`;
}

function leftMenu(m: ChromeModel, apps: AppRegistration[]): string {
  // The employees list and the profiles (…/company/…) are the Employees section.
  const people = m.here.startsWith("/company");
  const crm = m.here.startsWith("/crm");
  const item = (label: string, href: string, active = false) =>
    `<li><a href="${escapeHtml(href)}"${active ? ' class="active" aria-current="page"' : ""}>${escapeHtml(label)}</a></li>`;
  const appItems = apps.map((a) => item(a.name, `${m.base}/marketplace/app/${encodeURIComponent(a.clientId)}/`, a.clientId === m.activeClientId));
  return `<nav class="b24-menu" aria-label="Menu"><ul>
  ${item(m.labels.feed, `${m.base}/`, m.activeClientId === null && !people && !crm)}
  ${item(m.labels.tasks, `${m.base}/`)}
  ${item(m.labels.crm, `${m.base}/crm/deal/`, crm)}
  ${item(m.labels.employees, `${m.base}/company/`, people && m.activeClientId === null)}
  </ul><h2>${escapeHtml(m.labels.applications)}</h2><ul>${appItems.join("")}</ul></nav>`;
}

/** The whole document around a main area. */
export function renderChrome(m: ChromeModel, apps: AppRegistration[], main: string, headExtra = ""): string {
  return `<!DOCTYPE html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<link rel="stylesheet" href="${m.base}/_portal/assets/portal.css">
${headExtra}
</head>
<body class="b24-body">
<header class="b24-header">
  <a class="b24-logo" href="${m.base}/"><span data-testid="portal-title">${escapeHtml(m.portal.title)}</span> <b>24</b></a>
  <input class="b24-search" type="search" placeholder="${escapeHtml(m.labels.search)}" aria-label="${escapeHtml(m.labels.search)}">
  ${notificationBell(m)}
  <div class="b24-user">${avatar(m.portal, m.viewer)}<span data-testid="current-user" data-user-id="${m.viewer.id}">${escapeHtml(displayName(m.viewer))}</span></div>
  ${userSwitcher(m)}
</header>
<div class="b24-layout">
${leftMenu(m, apps)}
<main class="b24-main">${main}</main>
</div>
</body>
</html>`;
}

/** Start page: the portal's installed apps. */
export function renderStartMain(m: ChromeModel, apps: Array<{ app: AppRegistration; installed: boolean }>): string {
  const rows = apps.length
    ? apps
        .map(
          ({ app, installed }) => `<li class="b24-app-card">
  <a href="${m.base}/marketplace/app/${encodeURIComponent(app.clientId)}/">${escapeHtml(app.name)}</a>
  ${installed ? "" : `<span class="b24-badge">${escapeHtml(m.labels.installing)}</span>`}
</li>`,
        )
        .join("")
    : `<li>${escapeHtml(m.labels.noApps)}</li>`;
  return `<h1 class="b24-title">${escapeHtml(m.labels.installedApps)}</h1><ul class="b24-app-list" data-testid="app-list">${rows}</ul>`;
}

/** What the frame host needs to open the app: the form, the iframe, and its config. */
export interface AppFrameModel {
  appSid: string;
  /** The POST's target: the iframe's name, "CURRENT_HOST|secure|APP_SID" as the real template builds it. */
  frameName: string;
  action: string;
  fields: Record<string, string>;
  config: unknown;
  loadingText: string;
}

/** JSON inside a <script> block: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function renderAppMain(title: string, f: AppFrameModel, base: string): string {
  const inputs = Object.entries(f.fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("\n  ");
  const sid = f.appSid;
  return `<h1 class="b24-title" id="pagetitle" data-testid="page-title">${escapeHtml(title)}</h1>
<form name="appform_${sid}" action="${escapeHtml(f.action)}" method="POST" target="${escapeHtml(f.frameName)}">
  ${inputs}
</form>
<div id="appframe_layout_${sid}" class="app-frame-layout" data-testid="app-frame-layout">
  <iframe id="appframe_${sid}" name="${escapeHtml(f.frameName)}" class="app-frame" data-testid="app-frame" allow="geolocation *; microphone *; camera *; autoplay *;"></iframe>
  <div id="appframe_loading_${sid}" class="app-loading-msg">${escapeHtml(f.loadingText)}</div>
</div>
<script type="application/json" id="b24emu-frame-config">${scriptJson(f.config)}</script>
<script src="${base}/_portal/assets/frame-host.js"></script>`;
}

/** Slider mode (IFRAME=Y): the app alone, as openApplication shows it. */
export function renderSliderDocument(lang: PortalLang, title: string, main: string, base: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${base}/_portal/assets/portal.css"></head>
<body class="b24-body b24-slider-body">${main}</body></html>`;
}
