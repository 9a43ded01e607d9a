import { readSession } from "@/lib/auth";
import { openArchive, privacyDeps } from "@/lib/privacy";

export const dynamic = "force-dynamic";

const json = (status: number, error: string, message: string) => Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The archive's bytes, streamed chunk by chunk from the database (decrypted one chunk at a time),
 * only to the archive's own user in their portal session, with the link's token, before expiry:
 * 401 without a session, 403 for anyone else, 410 once expired or deleted.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await readSession();
  if (!session) return json(401, "unauthorized", "Open the app from the Bitrix24 portal");
  const { id } = await params;
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const access = await openArchive(privacyDeps(), { archiveId: id, token, session });
  if (access.kind === "forbidden") return json(403, "forbidden", "This download belongs to another user");
  if (access.kind === "expired") return json(410, "expired", "This link has expired");
  if (access.kind === "not_found") return json(404, "not_found", "No such archive");
  const chunks = access.chunks();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(access.sizeBytes),
      "Content-Disposition": `attachment; filename="personal-data-${access.createdAt.toISOString().slice(0, 10)}.zip"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
