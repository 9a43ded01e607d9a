import { installFromPost, readPortalPost } from "@/lib/lifecycle";
import { services } from "@/lib/services";
import { portalPostFailure, sessionRedirect } from "../portal-post-response";

export const dynamic = "force-dynamic";

/** The install URL: an admin's first open of the app POSTs here (then installFinish). */
export async function POST(request: Request) {
  const lang = new URL(request.url).searchParams.get("LANG");
  try {
    const session = await installFromPost(services(), await readPortalPost(request));
    return sessionRedirect(session, "/install-finish");
  } catch (error) {
    return portalPostFailure(error, lang);
  }
}

export async function GET(request: Request) {
  return portalPostFailure(new Error("opened outside the portal"), new URL(request.url).searchParams.get("LANG"));
}
