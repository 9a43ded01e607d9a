import { readPortalPost, signInFromPost } from "@/lib/lifecycle";
import { services } from "@/lib/services";
import { portalPostFailure, sessionRedirect } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** The handler URL: every open of the app in the portal POSTs here; we sign the user in. */
export async function POST(request: Request) {
  const lang = new URL(request.url).searchParams.get("LANG");
  try {
    const session = await signInFromPost(services(), await readPortalPost(request));
    return sessionRedirect(session, "/transfer");
  } catch (error) {
    return portalPostFailure(error, lang);
  }
}

export async function GET(request: Request) {
  return portalPostFailure(new Error("opened outside the portal"), new URL(request.url).searchParams.get("LANG"));
}
