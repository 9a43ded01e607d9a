/**
 * GET /api/extension/connect/callback: the portal's OAuth redirect (code, state, domain,
 * member_id, …). On success the page carries a one-time claim code in a data attribute; the
 * extension's content script for this page (and only it) reads it and claims the session with
 * its verifier — the session token itself never appears in a URL or a page.
 */
import { connectCallbackSchema, finishConnect } from "@/lib/mail";
import { services } from "@/lib/services";
import { connectPage } from "../../_lib/connect-page";
import { parseInput } from "../../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const input = parseInput(connectCallbackSchema, Object.fromEntries(new URL(request.url).searchParams));
    const { claimCode, lang } = await finishConnect(services(), input);
    return connectPage({ ok: true, claimCode, lang });
  } catch (error) {
    return connectPage({ ok: false, error, lang: "en", where: "GET /api/extension/connect/callback" });
  }
}
