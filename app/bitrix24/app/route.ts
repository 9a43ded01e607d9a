import { appPathForDeepLink } from "@/lib/portal-address";
import { DOWNLOAD_DEEP_LINK } from "@/lib/privacy";
import { appPathForPlacement, OVERVIEW_DEEP_LINK, RULES_DEEP_LINK } from "@/lib/transfer";
import { portalPostDoor, portalPostOnly } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** PLACEMENT and PLACEMENT_OPTIONS of the portal's POST (docs/bitrix24-platform.md "Apps, iframe and install"). */
async function placementOf(request: Request): Promise<{ placement: string | null; options: Record<string, unknown> | null }> {
  try {
    const form = await request.formData();
    const raw = form.get("PLACEMENT_OPTIONS");
    const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : null;
    const placement = form.get("PLACEMENT");
    return {
      placement: typeof placement === "string" ? placement : null,
      options: parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null,
    };
  } catch {
    return { placement: null, options: null };
  }
}

/**
 * The handler URL: every open of the app in the portal POSTs here; we sign the user in. A
 * profile's "work overview" item (USER_PROFILE_MENU) lands on that person's overview; a deep link
 * (a privacy download link or a dismissal watch's overview link from a portal notification,
 * PLACEMENT_OPTIONS "any") on its page;
 * anything else on /start (Transfer for admins, Privacy for everyone else).
 * The copy of the request is read only after the door accepted the original (size, origin, auth).
 */
export async function POST(request: Request) {
  const copy = request.clone();
  return portalPostDoor(request, "open", async () => {
    const { placement, options } = await placementOf(copy);
    const any = typeof options?.any === "string" ? options.any : null;
    return appPathForPlacement(placement, options) ?? appPathForDeepLink(any, [DOWNLOAD_DEEP_LINK, OVERVIEW_DEEP_LINK, RULES_DEEP_LINK]) ?? "/start";
  });
}

export { portalPostOnly as GET, portalPostOnly as PUT, portalPostOnly as PATCH, portalPostOnly as DELETE };
