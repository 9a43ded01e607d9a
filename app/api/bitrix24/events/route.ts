import { acceptEvent, EventAuthError, lifecycleDepsFromEnv } from "@/lib/lifecycle";
import { deletePortalData } from "@/lib/portal-data";
import { processVerificationBudget, requestSource, RequestInputError, TooManyRequestsError } from "@/lib/security";

export const dynamic = "force-dynamic";

/**
 * Portal events (ONAPPINSTALL, ONAPPUNINSTALL): form-encoded POSTs, capped and shape-checked
 * before anything else, then checked by application_token (lib/lifecycle/doors.ts). Only the
 * validated event name is logged.
 */
export async function POST(request: Request) {
  try {
    const { event, outcome } = await acceptEvent(
      lifecycleDepsFromEnv(),
      request,
      {
        onUninstall: async (portalId) => {
          await deletePortalData(portalId);
        },
      },
      { budget: processVerificationBudget(), source: requestSource(request.headers) },
    );
    console.log(`[events] ${event.event}: ${outcome.kind}`);
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof RequestInputError) return Response.json({ error: "bad_request", message: error.message }, { status: error.status });
    if (error instanceof TooManyRequestsError) return Response.json({ error: "too_many_requests", message: error.message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    if (error instanceof EventAuthError) {
      console.warn(`[events] refused: ${error.message}`);
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    console.error(`[events] failed: ${error instanceof Error ? error.name : "unknown"}`);
    return Response.json({ error: "internal" }, { status: 500 });
  }
}

/** Only the portal POSTs here. */
export function GET() {
  return Response.json({ error: "method_not_allowed", message: "events are POSTed by the Bitrix24 portal" }, { status: 405, headers: { Allow: "POST" } });
}
