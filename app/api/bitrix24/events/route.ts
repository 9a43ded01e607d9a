import { EventAuthError, handleEvent, lifecycleDepsFromEnv, parseEventForm } from "@/lib/lifecycle";
import { deletePortalData } from "@/lib/portal-data";

export const dynamic = "force-dynamic";

/** Portal events (ONAPPINSTALL, ONAPPUNINSTALL): form-encoded POSTs checked by application_token. */
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: "expected a form-encoded event" }, { status: 400 });
  }
  const event = parseEventForm([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  try {
    const outcome = await handleEvent(lifecycleDepsFromEnv(), event, {
      onUninstall: async (portalId) => {
        await deletePortalData(portalId);
      },
    });
    console.log(`[events] ${event.event}: ${outcome.kind}`);
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof EventAuthError) {
      console.warn(`[events] refused ${event.event || "an event"}: ${error.message}`);
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    console.error(`[events] ${event.event} failed: ${error instanceof Error ? error.message : "unknown"}`);
    return Response.json({ error: "internal" }, { status: 500 });
  }
}
