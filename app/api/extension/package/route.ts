/**
 * GET /api/extension/package: the extension's zip built for this app (lib/mail extension-package.ts),
 * the self-hoster's way to install it (the Mail page says how to load it). Not behind a portal
 * session: it carries the extension's code and this app's public address only, as a store
 * listing would. 404 when none was built.
 */
import { readFile } from "node:fs/promises";
import { findExtensionPackage } from "@/lib/mail";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const pkg = findExtensionPackage(env().EXTENSION_PACKAGE_DIR);
  if (!pkg) return Response.json({ error: "not_found", message: "No extension package was built for this app" }, { status: 404 });
  const body = await readFile(pkg.file);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pkg.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
