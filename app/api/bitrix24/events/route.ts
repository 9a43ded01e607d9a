import { errorResponse } from "@/lib/errors";
import { acceptEvent, EventAuthError } from "@/lib/lifecycle";
import { logger } from "@/lib/log";
import { deletePortalData } from "@/lib/portal-data";
import { processVerificationBudget, requestSource } from "@/lib/security";
import { services } from "@/lib/services";
import { registerRobotOnUpdate } from "@/lib/transfer";

export const dynamic = "force-dynamic";

const log = logger("events");

/**
 * Portal events (ONAPPINSTALL, ONAPPUNINSTALL, ONAPPUPDATE): form-encoded POSTs, capped and shape-checked
 * before anything else, then checked by application_token (lib/lifecycle/doors.ts). Only the
 * validated event name is logged.
 */
export async function POST(request: Request) {
  try {
    const app = services();
    const { event, outcome } = await acceptEvent(
      app,
      request,
      {
        onUninstall: async (portalId) => {
          await deletePortalData({ prisma: app.prisma, boss: app.jobs.boss }, portalId);
        },
        onUpdate: async (portalId) => {
          await registerRobotOnUpdate(app, portalId);
        },
      },
      { budget: processVerificationBudget(), source: requestSource(request.headers) },
    );
    log.info("handled", { event: event.event, outcome: outcome.kind });
    return Response.json({ ok: true });
  } catch (error) {
    // lib/errors answers each refusal with its status: a body we cannot take 4xx, our own budget 429 with Retry-After.
    if (error instanceof EventAuthError) log.warn("refused", { reason: error.message });
    return errorResponse(error, "en", "portal event");
  }
}

/** Only the portal POSTs here. */
export function GET() {
  return Response.json({ error: "method_not_allowed", message: "events are POSTed by the Bitrix24 portal" }, { status: 405, headers: { Allow: "POST" } });
}
