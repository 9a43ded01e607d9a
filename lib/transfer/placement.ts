/**
 * The user-profile placement (b24restdocs api-reference/widgets/user-profile/profile-menu.md):
 * a "StaffSuite: work overview" item in the context menu of every profile. The portal opens our
 * handler with PLACEMENT=USER_PROFILE_MENU and PLACEMENT_OPTIONS {"USER_ID": "…"}; we show that
 * person's overview. Bound with placement.bind (api-reference/widgets/placement-bind.md: PLACEMENT,
 * HANDLER, TITLE, LANG_ALL) by an administrator, which needs the `placement` scope.
 */
import type { Bitrix24Client } from "../bitrix24";
import { appDeepLink, appPathForDeepLink, deepLinkPattern, type DeepLinkRoute } from "../portal-address";

export const PROFILE_PLACEMENT = "USER_PROFILE_MENU";

/** The app page a placement open lands on, or null when it is not ours to route. */
export function appPathForPlacement(placement: string | null, options: unknown): string | null {
  if (placement !== PROFILE_PLACEMENT) return null;
  const userId = options && typeof options === "object" ? Number((options as Record<string, unknown>).USER_ID) : NaN;
  return Number.isInteger(userId) && userId > 0 ? `/transfer/overview/${userId}` : null;
}

/**
 * A link into the app at a person's overview, for portal notifications: a path after
 * /marketplace/app/{app}/ reaches our handler as PLACEMENT_OPTIONS "any" (as the Privacy tool's
 * download links do), so it opens inside the portal, in the reader's own session, with or without
 * the profile placement.
 */
export function portalOverviewLink(portalBase: string, appClientId: string, userId: number): string {
  return appDeepLink(portalBase, appClientId, `overview/${userId}/`);
}

/** The overview's deep link (lib/portal-address): `overview/{userId}/` opens /transfer/overview/{userId}. */
export const OVERVIEW_DEEP_LINK: DeepLinkRoute = {
  pattern: deepLinkPattern(String.raw`overview/(\d{1,10})`),
  appPath: (m) => (Number(m[1]) > 0 ? `/transfer/overview/${Number(m[1])}` : null),
};

/** Our in-app path for a deep link's "any" value, or null when it is not an overview link. */
export function appPathForOverviewLink(any: string | null | undefined): string | null {
  return appPathForDeepLink(any, [OVERVIEW_DEEP_LINK]);
}

/** Binds the profile menu item to `handlerUrl` (idempotent: an existing binding is replaced). */
export async function bindProfilePlacement(client: Pick<Bitrix24Client, "call">, handlerUrl: string): Promise<void> {
  await client.call("placement.unbind", { PLACEMENT: PROFILE_PLACEMENT, HANDLER: handlerUrl }).catch(() => undefined);
  await client.call("placement.bind", {
    PLACEMENT: PROFILE_PLACEMENT,
    HANDLER: handlerUrl,
    TITLE: "StaffSuite: work overview",
    LANG_ALL: {
      en: { TITLE: "StaffSuite: work overview" },
      ru: { TITLE: "StaffSuite: обзор работы" },
      de: { TITLE: "StaffSuite: Arbeitsübersicht" },
    },
  });
}

/**
 * At install (lib/lifecycle InstallHooks): binds the profile item when the portal granted the
 * `placement` scope; without it placement.bind would answer insufficient_scope, so we skip it.
 */
export async function bindPlacementsOnInstall(portal: { client: Pick<Bitrix24Client, "call">; scopes: string[]; handlerUrl: string }): Promise<boolean> {
  if (!portal.scopes.includes("placement")) return false;
  await bindProfilePlacement(portal.client, portal.handlerUrl);
  return true;
}
