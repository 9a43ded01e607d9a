/**
 * GET /api/extension/uninstalled?s=…&c=…: Chrome opens this when the extension is removed; the
 * one-time code ends that session (lib/mail uninstall.ts) and the page says so.
 */
import { endUninstalledSession, uninstalledSchema } from "@/lib/mail";
import { services } from "@/lib/services";
import { connectPage, uninstalledPage } from "../_lib/connect-page";
import { parseInput } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const input = parseInput(uninstalledSchema, Object.fromEntries(new URL(request.url).searchParams));
    const { ended, lang } = await endUninstalledSession(services(), input);
    return uninstalledPage(lang, ended);
  } catch (error) {
    return connectPage({ ok: false, error, lang: "en", where: "GET /api/extension/uninstalled" });
  }
}
