import { appPathForDeepLink } from "@/lib/privacy";
import { portalPostDoor, portalPostOnly } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** PLACEMENT_OPTIONS' "any": the rest of the portal address after /marketplace/app/{app}/. */
async function deepLinkAny(request: Request): Promise<string | null> {
  try {
    const raw = (await request.formData()).get("PLACEMENT_OPTIONS");
    const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : null;
    const any = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>).any : undefined;
    return typeof any === "string" ? any : null;
  } catch {
    return null;
  }
}

/**
 * The handler URL: every open of the app in the portal POSTs here; we sign the user in. A deep
 * link (a privacy download link from a portal notification) lands on its page, else Transfer.
 * The copy of the request is read only after the door accepted the original (size, origin, auth).
 */
export async function POST(request: Request) {
  const copy = request.clone();
  return portalPostDoor(request, "open", async () => appPathForDeepLink(await deepLinkAny(copy)) ?? "/transfer");
}

export { portalPostOnly as GET, portalPostOnly as PUT, portalPostOnly as PATCH, portalPostOnly as DELETE };
