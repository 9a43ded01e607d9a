/**
 * A link into the app at the dismissal rules and their planned hand-overs, for the watch's portal
 * notifications: `/marketplace/app/{client_id}/dismissal-rules/` reaches our handler as
 * PLACEMENT_OPTIONS "any" and opens /transfer/rules inside the portal (lib/portal-address, as the
 * overview's link does: placement.ts).
 */
import { appDeepLink, deepLinkPattern, type DeepLinkRoute } from "../../portal-address";

export const RULES_DEEP_LINK: DeepLinkRoute = {
  pattern: deepLinkPattern("dismissal-rules"),
  appPath: () => "/transfer/rules",
};

export function rulesLink(portalBase: string, appClientId: string): string {
  return appDeepLink(portalBase, appClientId, "dismissal-rules/");
}
