import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { PortalSession } from "@/lib/auth";
import { describeError, logUnexpected, type AnswerCode } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { requirePortalAdmin, requirePortalSession } from "./guards";

/** A failure from lib/errors: a general code or a tool's refusal reason (Refused), and the message to show in the session's language. */
export interface ActionError {
  ok: false;
  error: AnswerCode;
  message: string;
}

export type ActionSuccess<Data extends object> = { ok: true } & Data;

/** What a server action answers: what its body returned (`{ ok: true, … }`), or an ActionError. */
export type ActionResult<Outcome> = Outcome | ActionError;

export function succeed<Data extends object = Record<never, never>>(data?: Data): ActionSuccess<Data> {
  return { ok: true, ...(data as Data) };
}

/**
 * The one way to write a server action (in an `actions.ts` beside its page, under "use server"):
 *
 *   export const runTransfer = portalAction({ admin: true, input: transferRequestSchema }, async (request, session) =>
 *     startTransfer(services(), session, request), // { ok: true, transferId }, or it throws Refused("transfer.refused.busy")
 *   );
 *
 * Order: the session (and admin) is checked BEFORE the input is parsed — 401/403 via Next's
 * interrupts, so nobody learns what the action expects without the right to call it; then the
 * input is parsed with the zod schema (`{ ok: false, error: "invalid" }`); then the body runs.
 * What the body throws becomes `{ ok: false, error, message }` in the session's language
 * (lib/errors): a refusal (Refused) names its reason and says its own words, any other typed
 * error its code; unexpected ones are logged and answer "internal".
 */
export function portalAction<Schema extends z.ZodType, Outcome extends ActionSuccess<object>>(
  options: { admin?: boolean; /** Admin, asked of the portal afresh (deletes, irreversible changes). */ destructive?: boolean; input: Schema },
  run: (input: z.output<Schema>, session: PortalSession) => Promise<Outcome>,
): (input: z.input<Schema>) => Promise<ActionResult<Outcome>> {
  return async (raw) => {
    const session = options.admin || options.destructive ? await requirePortalAdmin({ destructive: options.destructive }) : await requirePortalSession();
    const t = translator(session.lang);
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "invalid", message: t("errors.invalid") };
    try {
      return await run(parsed.data, session);
    } catch (error) {
      unstable_rethrow(error); // Next's own interrupts (notFound(), forbidden(), redirect()) pass through
      logUnexpected(error, "server action");
      const { code, messageKey, params } = describeError(error);
      return { ok: false, error: code, message: t(messageKey, params) };
    }
  };
}
