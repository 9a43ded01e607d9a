import { errorResponse } from "@/lib/errors";
import { EventAuthError, handleEvent, parseEventForm } from "@/lib/lifecycle";
import { logger } from "@/lib/log";
import { deletePortalData } from "@/lib/portal-data";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

const log = logger("events");

/** Portal events (ONAPPINSTALL, ONAPPUNINSTALL): form-encoded POSTs checked by application_token. */
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "invalid", message: "expected a form-encoded event" }, { status: 400 });
  }
  const event = parseEventForm([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  try {
    const app = services();
    const outcome = await handleEvent(app, event, {
      onUninstall: async (portalId) => {
        await deletePortalData({ prisma: app.prisma, boss: app.jobs.boss }, portalId);
      },
    });
    log.info("handled", { event: event.event, outcome: outcome.kind });
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof EventAuthError) log.warn("refused", { event: event.event || "an event", reason: error.message });
    return errorResponse(error, "en", `event ${event.event}`);
  }
}
