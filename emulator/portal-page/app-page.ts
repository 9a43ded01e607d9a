/**
 * The page that opens an app: {portal}/marketplace/app/{clientId}/. It issues the viewer's
 * tokens, opens a frame session and renders the form the frame host POSTs into the iframe,
 * as bitrix24-core-corp's app.layout component template does (form fields AUTH_ID,
 * AUTH_EXPIRES, REFRESH_ID, member_id, status, PLACEMENT, PLACEMENT_OPTIONS; query DOMAIN,
 * PROTOCOL, LANG, APP_SID; iframe name "CURRENT_HOST|secure|APP_SID"). SERVER_ENDPOINT follows
 * b24restdocs api-reference/widgets (the "What the handler receives" samples).
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { PortalPageContext } from "../http/portal-context";
import type { IssuedTokens } from "../oauth/tokens";
import type { AppInstall, AppRegistration, PortalUser } from "../state/types";
import { isFirstRun, openFrameSession } from "./frame-api";
import type { Labels } from "./i18n";
import type { AppFrameModel } from "./render";
import { displayName } from "./viewer";

/** Where the page was actually served: the real template's CURRENT_HOST and CURRENT_HOST_SECURE. */
export function currentHost(req: IncomingMessage, ctx: PortalPageContext): { host: string; secure: boolean } {
  const secure = (req.socket as Partial<TLSSocket>).encrypted === true;
  const host = req.headers.host ?? ctx.store.hosts[secure ? "https" : "http"];
  return { host, secure };
}

/** PHP's empty array is `[]` in JSON; the portal's init data shows empty option maps that way. */
function phpMap(value: Record<string, unknown> | undefined): Record<string, unknown> | unknown[] {
  return value && Object.keys(value).length > 0 ? value : [];
}

/** The dialog is a plain list inside the page: enough people to pick from without a search. */
const MAX_SELECTABLE = 500;

/** Users the selectUser dialog offers: active employees, in the SDK's SelectedUser shape. */
function selectableUsers(users: Iterable<PortalUser>): unknown[] {
  return [...users]
    .filter((u) => u.active && u.userType === "employee")
    .sort((a, b) => a.id - b.id)
    .slice(0, MAX_SELECTABLE)
    .map((u) => ({
      id: String(u.id),
      name: displayName(u),
      photo: u.personalPhoto,
      position: u.workPosition,
      url: `/company/personal/user/${u.id}/`,
      sub: false,
      sup: false,
    }));
}

/**
 * The form the portal POSTs into the app's iframe (handler or install URL). Also used by the
 * demo launcher, which installs the app server-side exactly as this page would.
 */
export function appFormFields(tokens: IssuedTokens, placementOptionsJson = "{}", placement = "DEFAULT"): Record<string, string> {
  return {
    AUTH_ID: tokens.accessToken,
    AUTH_EXPIRES: String(tokens.expiresIn),
    REFRESH_ID: tokens.refreshToken,
    SERVER_ENDPOINT: tokens.serverEndpoint,
    member_id: tokens.memberId,
    status: tokens.status,
    PLACEMENT: placement,
    PLACEMENT_OPTIONS: placementOptionsJson,
  };
}

export interface AppPageInput {
  req: IncomingMessage;
  ctx: PortalPageContext;
  app: AppRegistration;
  install: AppInstall;
  viewer: PortalUser;
  lang: string;
  labels: Labels;
  /** openApplication's slider (IFRAME=Y): resizeWindow is denied as for the real POPUP mode. */
  slider: boolean;
  placementOptions: Record<string, unknown>;
  /** A placement.bind binding being opened (code and handler); the main page (DEFAULT) when absent. */
  placement?: { code: string; handler: string };
}

export function buildAppFrame(i: AppPageInput): AppFrameModel {
  const { ctx, app, install, viewer } = i;
  const portal = ctx.portal;
  const base = "";
  const { host, secure } = currentHost(i.req, ctx);
  // The portal is the root of its origin, so DOMAIN is the host the page was served from.
  const domain = host;
  const protocol = secure ? "1" : "0";
  const tokens = ctx.issueTokens(app.clientId, viewer.id);
  const session = openFrameSession(ctx.store, portal.key, app.clientId, viewer.id);
  // Until installFinish the portal keeps opening the install URL (docs/bitrix24-platform.md "Apps, iframe and install").
  // A placement opens the handler it was bound with (b24restdocs api-reference/widgets/placement-bind.md HANDLER).
  const target = i.placement ? i.placement.handler : install.installed ? app.handlerUrl : (app.installUrl ?? app.handlerUrl);
  const placementCode = i.placement?.code ?? "DEFAULT";
  const query = new URLSearchParams({ DOMAIN: domain, PROTOCOL: protocol, LANG: i.lang, APP_SID: session.appSid });
  const action = `${target}${target.includes("?") ? "&" : "?"}${query.toString()}`;
  const placementOptions = JSON.stringify(i.placementOptions);
  const fields = appFormFields(tokens, placementOptions, placementCode);
  const sid = session.appSid;
  const initData = {
    LANG: i.lang,
    DOMAIN: domain,
    PROTOCOL: Number(protocol),
    PATH: `${base}/rest/`,
    AUTH_ID: tokens.accessToken,
    AUTH_EXPIRES: String(tokens.expiresIn),
    REFRESH_ID: tokens.refreshToken,
    MEMBER_ID: portal.memberId,
    FIRST_RUN: isFirstRun(ctx.store, portal.key, app.clientId, viewer.id),
    IS_ADMIN: viewer.admin,
    INSTALL: !install.installed,
    USER_OPTIONS: phpMap(install.userOptions[viewer.id]),
    APP_OPTIONS: phpMap(install.options),
    PLACEMENT: placementCode,
    PLACEMENT_OPTIONS: phpMap(i.placementOptions),
  };
  return {
    appSid: sid,
    // B24Frame reads DOMAIN|PROTOCOL|APP_SID from window.name (b24jssdk loader-b24frame) and
    // accepts answers only from `proto://DOMAIN`, which is the page's own origin.
    frameName: `${domain}|${protocol}|${sid}`,
    action,
    fields,
    loadingText: i.labels.loading.replace("…", ` ${app.name}…`),
    config: {
      appSid: sid,
      pageToken: session.pageToken,
      apiUrl: `${base}/_portal/frame`,
      appOrigin: new URL(target).origin,
      formName: `appform_${sid}`,
      frameId: `appframe_${sid}`,
      layoutId: `appframe_layout_${sid}`,
      loaderId: `appframe_loading_${sid}`,
      slider: i.slider,
      deny: i.slider ? ["resizeWindow"] : [],
      sliderUrl: `${base}/marketplace/app/${encodeURIComponent(app.clientId)}/`,
      initData,
      users: selectableUsers(portal.users.values()),
      labels: { selectUser: i.labels.selectUser, selectUsers: i.labels.selectUsers, select: i.labels.select, cancel: i.labels.cancel, close: i.labels.close },
    },
  };
}
