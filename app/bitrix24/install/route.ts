import { services } from "@/lib/services";
import { bindPlacementsOnInstall, registerRobotOnInstall } from "@/lib/transfer";
import { portalPostDoor, portalPostOnly } from "../portal-post-response";

export const dynamic = "force-dynamic";

/**
 * The install URL: an admin's first open of the app POSTs here (then installFinish). The Transfer
 * tool's profile item ("work overview") is bound and its CRM robot registered here, while we hold
 * the installing admin's token.
 */
export async function POST(request: Request) {
  return portalPostDoor(request, "install", "/install-finish", {
    onInstalled: async (portal) => {
      await bindPlacementsOnInstall(portal);
      await registerRobotOnInstall(portal, services().appUrl);
    },
  });
}

export { portalPostOnly as GET, portalPostOnly as PUT, portalPostOnly as PATCH, portalPostOnly as DELETE };
