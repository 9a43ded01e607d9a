/**
 * GET /api/extension/connect?portal=…&challenge=…&label=…: the extension opens this in a tab;
 * we send the browser to the portal's OAuth consent (lib/mail connect.ts).
 */
import { connectStartSchema, startConnect } from "@/lib/mail";
import { services } from "@/lib/services";
import { connectPage } from "../_lib/connect-page";
import { parseInput } from "../_lib/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const input = parseInput(connectStartSchema, Object.fromEntries(new URL(request.url).searchParams));
    return Response.redirect(await startConnect(services(), input), 302);
  } catch (error) {
    return connectPage({ ok: false, error, lang: "en", where: "GET /api/extension/connect" });
  }
}
