import { readSession } from "@/lib/auth";
import { errorResponse, UnauthorizedError } from "@/lib/errors";
import { langFromAcceptLanguage, translator, type MessageKey } from "@/lib/i18n";
import { openArchive } from "@/lib/privacy";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

const REFUSALS = {
  forbidden: { status: 403, message: "privacy.download.notYours" },
  expired: { status: 410, message: "privacy.download.expired" },
  not_found: { status: 404, message: "privacy.download.notReady" },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

/**
 * The archive's bytes, streamed chunk by chunk from the database (decrypted one chunk at a time),
 * only to the archive's own user in their portal session, with the link's token, before expiry:
 * 401 without a session, 403 for anyone else, 410 once expired or deleted, in the session's language.
 * The download page's link navigates the frame here; a navigation that is refused goes back to
 * that page, which says why in words (and with the same status) instead of showing JSON.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const navigation = request.headers.get("sec-fetch-mode") === "navigate";
  const back = () =>
    new Response(null, {
      status: 303,
      headers: { Location: `/privacy/download/${encodeURIComponent(id)}?t=${encodeURIComponent(token)}`, "Cache-Control": "no-store" },
    });
  const session = await readSession();
  if (!session) return navigation ? back() : errorResponse(new UnauthorizedError(), langFromAcceptLanguage(request.headers.get("accept-language")));
  const access = await openArchive(services(), { archiveId: id, token, session });
  if (access.kind !== "ok") {
    if (navigation) return back();
    const refusal = REFUSALS[access.kind];
    return Response.json(
      { error: access.kind, message: translator(session.lang)(refusal.message) },
      { status: refusal.status, headers: { "Cache-Control": "no-store" } },
    );
  }
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
