/**
 * Installing and uninstalling an app in a portal, with the events the portal sends.
 *
 * b24restdocs api-reference/common/events/on-app-install.md: ONAPPINSTALL goes to the handler
 * the app bound (usually from its install script with event.bind) or set in its version card,
 * and only once installation is complete (installFinish, or at once for apps without an
 * install URL). on-app-uninstall.md: ONAPPUNINSTALL carries data[CLEAN] and auth without tokens.
 * on-app-update.md: ONAPPUPDATE carries VERSION and PREVIOUS_VERSION; an update drops the app's
 * robots and their settings placement (modules/bizproc/lib/restservice.php onRestAppUpdate), so
 * the app registers them again.
 */
import { deliverEvent } from "../events/deliver";
import { dropGrants, issueTokens, oauthServerBase, tokenWireFields } from "../oauth/tokens";
import { ROBOT_DIALOG_PLACEMENT } from "../methods/platform/placement-catalog";
import type { EmulatorStore, EventDelivery } from "../state/store";
import { now, portalBaseUrl, randomToken } from "../state/store";
import type { AppInstall, Portal } from "../state/types";

/** Handlers for an event of an app: bound ones, plus the registration's own for install events. */
function handlersFor(
  store: EmulatorStore,
  portal: Portal,
  clientId: string,
  event: string,
): Array<{ handler: string; id: number | undefined; authType: number }> {
  const bound: Array<{ handler: string; id: number | undefined; authType: number }> = portal.eventBindings
    .filter((b) => b.clientId === clientId && b.event === event && b.eventType === "online")
    .map((b) => ({ handler: b.handler, id: b.id as number | undefined, authType: b.authType }));
  const app = store.apps.get(clientId);
  const card = app?.eventHandlers?.[event];
  if (card && !bound.some((b) => b.handler === card)) bound.push({ handler: card, id: undefined, authType: 0 });
  return bound;
}

/** Creates the AppInstall (random application_token). Apps without an install URL are installed at once. */
export async function installApp(store: EmulatorStore, portal: Portal, clientId: string, userId: number): Promise<AppInstall> {
  const app = store.apps.get(clientId);
  if (!app) throw new Error(`no app registered with client_id ${clientId}`);
  if (!portal.users.has(userId)) throw new Error(`no user ${userId} in portal ${portal.key}`);
  const existing = portal.installs.get(clientId);
  if (existing) return existing;
  const install: AppInstall = {
    clientId,
    applicationToken: randomToken(16),
    installed: false,
    installedAt: now(store).toISOString(),
    installedByUserId: userId,
    options: {},
    userOptions: {},
  };
  portal.installs.set(clientId, install);
  if (!app.installUrl) await completeInstall(store, portal, install);
  return install;
}

async function completeInstall(store: EmulatorStore, portal: Portal, install: AppInstall): Promise<EventDelivery[]> {
  install.installed = true;
  const app = store.apps.get(install.clientId);
  const out: EventDelivery[] = [];
  for (const h of handlersFor(store, portal, install.clientId, "ONAPPINSTALL")) {
    const userId = h.authType || install.installedByUserId;
    const t = issueTokens(store, portal, install.clientId, userId);
    out.push(
      await deliverEvent(store, {
        portalKey: portal.key,
        clientId: install.clientId,
        event: "ONAPPINSTALL",
        handler: h.handler,
        eventHandlerId: h.id,
        payload: {
          data: { VERSION: String(app?.version ?? 1), ACTIVE: "Y", INSTALLED: "Y", LANGUAGE_ID: portal.lang },
          auth: { ...tokenWireFields(t, t.domain), application_token: install.applicationToken },
        },
      }),
    );
  }
  return out;
}

/** installFinish: marks the app installed and sends ONAPPINSTALL. Null when the app is not in the portal. */
export function finishInstall(store: EmulatorStore, portal: Portal, clientId: string): AppInstall | null {
  const install = portal.installs.get(clientId);
  if (!install) return null;
  if (!install.installed) void completeInstall(store, portal, install);
  return install;
}

/** Same as finishInstall, but resolves once the ONAPPINSTALL deliveries are done. */
export async function finishInstallAndDeliver(store: EmulatorStore, portal: Portal, clientId: string): Promise<EventDelivery[]> {
  const install = portal.installs.get(clientId);
  if (!install || install.installed) return [];
  return completeInstall(store, portal, install);
}

/** Uninstall: ONAPPUNINSTALL (no tokens), then the install, its bindings and its tokens go. */
export async function uninstallApp(store: EmulatorStore, portal: Portal, clientId: string, clean: boolean): Promise<EventDelivery[]> {
  const install = portal.installs.get(clientId);
  if (!install) return [];
  const out: EventDelivery[] = [];
  for (const h of handlersFor(store, portal, clientId, "ONAPPUNINSTALL")) {
    out.push(
      await deliverEvent(store, {
        portalKey: portal.key,
        clientId,
        event: "ONAPPUNINSTALL",
        handler: h.handler,
        eventHandlerId: h.id,
        payload: {
          data: { LANGUAGE_ID: portal.lang, CLEAN: clean ? 1 : 0 },
          auth: {
            domain: portal.domain,
            server_endpoint: `${oauthServerBase(store, portal.protocol)}/rest/`,
            client_endpoint: `${portalBaseUrl(store, portal)}/rest/`,
            member_id: portal.memberId,
            application_token: install.applicationToken,
          },
        },
      }),
    );
  }
  portal.installs.delete(clientId);
  portal.eventBindings = portal.eventBindings.filter((b) => b.clientId !== clientId);
  dropGrants(store, portal.key, clientId);
  return out;
}

/**
 * A new version of an installed app (the admin `userId` updated it): its robots and their settings
 * placement go, ONAPPUPDATE goes out with the updater's tokens. Answers the deliveries; none when
 * the app is not installed (or its installation is not finished: events wait for that).
 */
export async function updateApp(store: EmulatorStore, portal: Portal, clientId: string, userId: number, version?: number): Promise<EventDelivery[]> {
  const install = portal.installs.get(clientId);
  const app = store.apps.get(clientId);
  if (!install || !app) return [];
  const previous = install.version ?? app.version ?? 1;
  install.version = version ?? previous + 1;
  app.version = Math.max(app.version ?? 1, install.version);
  install.robots = [];
  install.placements = (install.placements ?? []).filter((b) => b.placement !== ROBOT_DIALOG_PLACEMENT);
  if (!install.installed) return [];
  const out: EventDelivery[] = [];
  for (const h of handlersFor(store, portal, clientId, "ONAPPUPDATE")) {
    const t = issueTokens(store, portal, clientId, h.authType || userId);
    out.push(
      await deliverEvent(store, {
        portalKey: portal.key,
        clientId,
        event: "ONAPPUPDATE",
        handler: h.handler,
        eventHandlerId: h.id,
        payload: {
          data: { VERSION: String(install.version), PREVIOUS_VERSION: String(previous), LANGUAGE_ID: portal.lang },
          auth: { ...tokenWireFields(t, t.domain), application_token: install.applicationToken },
        },
      }),
    );
  }
  return out;
}
