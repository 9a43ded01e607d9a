import { portalPostDoor, portalPostOnly } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** The handler URL: every open of the app in the portal POSTs here; we sign the user in. */
export async function POST(request: Request) {
  return portalPostDoor(request, "open", "/transfer");
}

export { portalPostOnly as GET, portalPostOnly as PUT, portalPostOnly as PATCH, portalPostOnly as DELETE };
