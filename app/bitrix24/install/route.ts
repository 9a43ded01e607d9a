import { portalPostDoor, portalPostOnly } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** The install URL: an admin's first open of the app POSTs here (then installFinish). */
export async function POST(request: Request) {
  return portalPostDoor(request, "install", "/install-finish");
}

export { portalPostOnly as GET, portalPostOnly as PUT, portalPostOnly as PATCH, portalPostOnly as DELETE };
