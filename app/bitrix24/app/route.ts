import { lifecycleDepsFromEnv, readPortalPost, signInFromPost } from "@/lib/lifecycle";
import { appPathForDeepLink } from "@/lib/privacy";
import { portalPostFailure, sessionRedirect } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** PLACEMENT_OPTIONS' "any": the rest of the portal address after /marketplace/app/{app}/. */
function deepLinkAny(placementOptions: string | undefined): string | null {
  if (!placementOptions) return null;
  try {
    const parsed: unknown = JSON.parse(placementOptions);
    const any = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>).any : undefined;
    return typeof any === "string" ? any : null;
  } catch {
    return null;
  }
}

/**
 * The handler URL: every open of the app in the portal POSTs here; we sign the user in. A deep
 * link (a privacy download link from a portal notification) lands on its page, else Transfer.
 */
export async function POST(request: Request) {
  const lang = new URL(request.url).searchParams.get("LANG");
  try {
    const post = await readPortalPost(request);
    const session = await signInFromPost(lifecycleDepsFromEnv(), post);
    return sessionRedirect(session, appPathForDeepLink(deepLinkAny(post.PLACEMENT_OPTIONS)) ?? "/transfer");
  } catch (error) {
    return portalPostFailure(error, lang);
  }
}

export async function GET(request: Request) {
  return portalPostFailure(new Error("opened outside the portal"), new URL(request.url).searchParams.get("LANG"));
}
