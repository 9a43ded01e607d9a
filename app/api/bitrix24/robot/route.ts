import { errorResponse } from "@/lib/errors";
import { acceptAppCall, EventAuthError } from "@/lib/lifecycle";
import { logger } from "@/lib/log";
import { processVerificationBudget, readFormFields, requestSource } from "@/lib/security";
import { services } from "@/lib/services";
import { parseRobotCall, ROBOT_CALL_MAX_BYTES, startRobotHandOver } from "@/lib/transfer";

export const dynamic = "force-dynamic";

const log = logger("robot");

/**
 * The CRM robot's handler (lib/transfer/robot): the portal POSTs each call of "Hand over related
 * records" here. Read capped and parsed strictly, verified by application_token and by the portal
 * answering for the call's token (lib/lifecycle acceptAppCall), then queued as a job; the job
 * completes the call with bizproc.event.send. Only IDs are logged.
 */
export async function POST(request: Request) {
  try {
    const app = services();
    const call = parseRobotCall(await readFormFields(request, ROBOT_CALL_MAX_BYTES));
    const caller = await acceptAppCall(app, call.auth, { budget: processVerificationBudget(), source: requestSource(request.headers) });
    const { jobRunId } = await startRobotHandOver(app, caller, call);
    log.info("queued", { portalId: caller.portalId, jobRunId, entityTypeId: call.entityTypeId, recordId: call.recordId });
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof EventAuthError) log.warn("refused", { reason: error.message });
    return errorResponse(error, "en", "robot call");
  }
}

/** Only the portal POSTs here. */
export function GET() {
  return Response.json({ error: "method_not_allowed", message: "robot calls are POSTed by the Bitrix24 portal" }, { status: 405, headers: { Allow: "POST" } });
}
