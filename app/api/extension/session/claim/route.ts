/**
 * POST /api/extension/session/claim { code, verifier }: the extension swaps the one-time claim
 * code from the connect page, with the verifier only it knows, for its session token.
 */
import { z } from "zod";
import { claimSession, portalContext, uninstallUrl } from "@/lib/mail";
import { services } from "@/lib/services";
import { failure, json, parseInput, preflight, readJson } from "../../_lib/respond";
import { portalBaseUrl } from "@/lib/portal-address";

export const dynamic = "force-dynamic";

const claimSchema = z.object({ code: z.string().min(10).max(200), verifier: z.string().min(43).max(128) });

export const OPTIONS = preflight;

export async function POST(request: Request) {
  try {
    const input = parseInput(claimSchema, await readJson(request));
    const deps = services();
    const { token, expiresAt, auth, uninstallCode } = await claimSession(deps, input);
    const { portal, client } = await portalContext(deps, auth);
    // The user's own address, so the sidebar never looks the user up (user-current.md: EMAIL).
    const me = await client.call<{ EMAIL?: string }>("user.current").then(
      (r) => r.result.EMAIL ?? "",
      () => "",
    );
    return json(request, {
      token,
      expiresAt: expiresAt.toISOString(),
      portal: { domain: portal.domain, url: portalBaseUrl(portal), lang: portal.lang },
      user: { id: auth.userId, email: me.toLowerCase() },
      // Chrome opens this when the extension is removed: the session ends then (lib/mail uninstall.ts).
      uninstallUrl: uninstallUrl(deps.appUrl, auth.sessionId, uninstallCode),
    });
  } catch (error) {
    return failure(request, error, "en", "POST /api/extension/session/claim");
  }
}
