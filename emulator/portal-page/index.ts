/**
 * The portal page: what a browser sees on a portal's origin that is neither REST nor OAuth.
 *   /                                 start page listing installed apps
 *   /marketplace/app/{clientId}/      the app opened in an iframe (IFRAME=Y: slider, no chrome); a longer
 *                                     path reaches the app as PLACEMENT_OPTIONS "any" (deep links)
 *   /notifications/                   the viewer's im.notify notifications
 *   /company/                         the employees, linking to their profiles
 *   /company/personal/user/{id}/      a user's profile with the apps' profile-menu items (profile.ts);
 *                                     …/placement/{clientId}/{n}/ opens one of them
 *   /crm/deal/, /crm/lead/            the newest deals / leads (crm-card.ts)
 *   /crm/{deal|lead}/details/{id}/    a card: stage, robots per stage, robot runs, related records
 *   /_portal/crm/…           POST     the cards' buttons: move, add or remove a robot (crm-actions.ts)
 *   /_portal/user            POST     the user switcher (cookie, then back)
 *   /_portal/frame           POST     the frame host's server actions (frame-api.ts)
 *   /_portal/assets/{file}            frame-host.js, portal.css
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PortalPageContext } from "../http/portal-context";
import { escapeHtml, readBody, sendHtml } from "../http/respond";
import type { AppRegistration } from "../state/types";
import { buildAppFrame } from "./app-page";
import { handleCrmAction } from "./crm-actions";
import { CRM_KINDS, renderCrmCard, renderCrmList } from "./crm-card";
import { crmLabelsFor } from "./crm-labels";
import { sendAvatar } from "./avatar";
import { handleFrameApi } from "./frame-api";
import { labelsFor, pickLang } from "./i18n";
import { renderNotificationsMain } from "./notifications";
import { itemTitle, profileItems, profilePlacementOptions, renderEmployeesMain, renderProfileMain } from "./profile";
import { renderAppMain, renderChrome, renderSliderDocument, renderStartMain, type ChromeModel } from "./render";
import { currentViewer, displayName, viewerCookie } from "./viewer";

const ASSETS: Record<string, string> = {
  "frame-host.js": "text/javascript; charset=utf-8",
  "portal.css": "text/css; charset=utf-8",
};

async function sendAsset(res: ServerResponse, name: string): Promise<boolean> {
  const type = ASSETS[name];
  if (!type) return false;
  const body = await readFile(new URL(`./assets/${name}`, import.meta.url));
  res.writeHead(200, { "content-type": type, "content-length": body.length, "cache-control": "no-cache" });
  res.end(body);
  return true;
}

function installedApps(ctx: PortalPageContext): Array<{ app: AppRegistration; installed: boolean }> {
  const out: Array<{ app: AppRegistration; installed: boolean }> = [];
  for (const install of ctx.portal.installs.values()) {
    const app = ctx.store.apps.get(install.clientId);
    if (app) out.push({ app, installed: install.installed });
  }
  return out;
}

/** A page of the portal's own (no app open): its chrome around `main`. */
function sendPortalPage(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PortalPageContext,
  url: URL,
  main: (m: ChromeModel, apps: ReturnType<typeof installedApps>) => string,
): void {
  const m = chromeModel(req, ctx, url, null, ctx.portal.title);
  const apps = installedApps(ctx);
  sendHtml(
    res,
    200,
    renderChrome(
      m,
      apps.map((a) => a.app),
      main(m, apps),
    ),
  );
}

function chromeModel(req: IncomingMessage, ctx: PortalPageContext, url: URL, clientId: string | null, title: string): ChromeModel {
  const lang = pickLang(ctx.portal.lang, url.searchParams.get("lang"));
  const install = clientId ? (ctx.portal.installs.get(clientId) ?? null) : null;
  return {
    portal: ctx.portal,
    base: "",
    lang,
    labels: labelsFor(lang),
    viewer: currentViewer(req, ctx.portal, install),
    here: `${ctx.subPath}${url.search}`,
    title,
    activeClientId: clientId,
  };
}

function parsePlacementOptions(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function appPage(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext, url: URL, clientId: string, rest = ""): void {
  const app = ctx.store.apps.get(clientId);
  const install = ctx.portal.installs.get(clientId);
  const m = chromeModel(req, ctx, url, clientId, app?.name ?? ctx.portal.title);
  const apps = installedApps(ctx).map((a) => a.app);
  if (!app || !install) {
    return sendHtml(res, 404, renderChrome(m, apps, `<h1 class="b24-title">${escapeHtml(m.labels.appNotFound)}</h1>`));
  }
  const slider = url.searchParams.get("IFRAME") === "Y";
  // A real DEFAULT opening carries the rest of the page's path as "any" (captured POSTs in
  // b24restdocs samples show {"any":"119\/"}); a slider carries openApplication's parameters.
  const placementOptions = slider ? (parsePlacementOptions(url.searchParams.get("PLACEMENT_OPTIONS")) ?? {}) : { any: `${clientId}/${rest}` };
  const frame = buildAppFrame({ req, ctx, app, install, viewer: m.viewer, lang: m.lang, labels: m.labels, slider, placementOptions });
  const main = renderAppMain(app.name, frame, m.base);
  const html = slider ? renderSliderDocument(m.lang, app.name, main, m.base) : renderChrome(m, apps, main);
  res.setHeader("cache-control", "no-store");
  sendHtml(res, 200, html);
}

function profilePage(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PortalPageContext,
  url: URL,
  userId: number,
  open: { clientId: string; index: number } | null,
): void {
  const user = ctx.portal.users.get(userId);
  const items = profileItems(ctx.portal.installs.values(), ctx.store.apps);
  const item = open ? items.find((i) => i.app.clientId === open.clientId && i.index === open.index) : undefined;
  const m = chromeModel(req, ctx, url, item?.app.clientId ?? null, user ? displayName(user) : ctx.portal.title);
  const apps = installedApps(ctx).map((a) => a.app);
  if (!user || (open && !item)) {
    return sendHtml(res, 404, renderChrome(m, apps, `<h1 class="b24-title">${escapeHtml(user ? m.labels.appNotFound : m.labels.userNotFound)}</h1>`));
  }
  res.setHeader("cache-control", "no-store");
  if (!item) return sendHtml(res, 200, renderChrome(m, apps, renderProfileMain(m, user, items)));
  const install = ctx.portal.installs.get(item.app.clientId)!;
  const frame = buildAppFrame({
    req,
    ctx,
    app: item.app,
    install,
    viewer: m.viewer,
    lang: m.lang,
    labels: m.labels,
    slider: false,
    placementOptions: profilePlacementOptions(user),
    placement: { code: item.binding.placement, handler: item.binding.handler },
  });
  sendHtml(res, 200, renderChrome(m, apps, renderAppMain(itemTitle(item.binding, m.lang), frame, m.base)));
}

function crmPage(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext, url: URL, etid: number, id: number | null): void {
  const m = chromeModel(req, ctx, url, null, ctx.portal.title);
  const apps = installedApps(ctx).map((a) => a.app);
  res.setHeader("cache-control", "no-store");
  if (id === null) return sendHtml(res, 200, renderChrome(m, apps, renderCrmList(m, etid)));
  const card = renderCrmCard(m, etid, id, url.searchParams.get("notice"));
  if (!card) return sendHtml(res, 404, renderChrome(m, apps, `<h1 class="b24-title">${escapeHtml(crmLabelsFor(m.lang).notFound)}</h1>`));
  sendHtml(res, 200, renderChrome(m, apps, card));
}

async function switchUser(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const userId = Number(form.get("user_id"));
  const back = form.get("return") ?? "";
  // Only paths on this portal: the switcher must not become an open redirect.
  const location = back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\") ? back : "/";
  const headers: Record<string, string | string[]> = { location };
  if (Number.isInteger(userId) && ctx.portal.users.has(userId)) headers["set-cookie"] = viewerCookie(ctx.portal, userId);
  res.writeHead(303, headers);
  res.end();
}

/** Answers a portal page request; false when the path is not one of ours (the server then 404s). */
export async function handlePortalPage(req: IncomingMessage, res: ServerResponse, ctx: PortalPageContext): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://portal.invalid");
  const sub = ctx.subPath;
  const asset = /^\/_portal\/assets\/([a-z0-9.-]+)$/.exec(sub);
  if (asset) return sendAsset(res, asset[1]);
  if (sub === "/_portal/user" && req.method === "POST") {
    await switchUser(req, res, ctx);
    return true;
  }
  if (sub === "/_portal/frame") {
    await handleFrameApi(req, res, ctx);
    return true;
  }
  if (await handleCrmAction(req, res, ctx)) return true;
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") return false;
  if (req.method === "GET" && sendAvatar(res, ctx.portal, sub)) return true;
  // A path after the app's address is passed on as "any" (the app's deep links, e.g. from a notification).
  const appMatch = /^\/marketplace\/app\/([^/]+)(?:\/(.*))?$/.exec(sub);
  if (appMatch) {
    appPage(req, res, ctx, url, decodeURIComponent(appMatch[1]), appMatch[2] ?? "");
    return true;
  }
  if (req.method === "GET" && (sub === "/company/" || sub === "/company")) {
    sendPortalPage(req, res, ctx, url, renderEmployeesMain);
    return true;
  }
  const profile = /^\/company\/personal\/user\/(\d+)\/(?:placement\/([^/]+)\/(\d+)\/?)?$/.exec(sub);
  if (profile && req.method === "GET") {
    const open = profile[2] ? { clientId: decodeURIComponent(profile[2]), index: Number(profile[3]) } : null;
    profilePage(req, res, ctx, url, Number(profile[1]), open);
    return true;
  }
  const crm = /^\/crm\/(deal|lead)\/(?:details\/(\d+)\/?)?$/.exec(sub);
  if (crm && req.method === "GET") {
    crmPage(req, res, ctx, url, CRM_KINDS[crm[1]].entityTypeId, crm[2] ? Number(crm[2]) : null);
    return true;
  }
  if (req.method === "GET" && (sub === "/notifications/" || sub === "/notifications")) {
    sendPortalPage(req, res, ctx, url, renderNotificationsMain);
    return true;
  }
  if (sub === "/" || sub === "") {
    sendPortalPage(req, res, ctx, url, (m, list) => renderStartMain(m, list));
    return true;
  }
  return false;
}
