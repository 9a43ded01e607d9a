import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { PortalSession } from "@/lib/auth";
import { describeError, logUnexpected, type ErrorCode } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { requirePortalAdmin, requirePortalSession } from "./guards";

/** A general failure from lib/errors: the code, and the message to show in the session's language. */
export interface ActionError {
  ok: false;
  error: ErrorCode;
  message: string;
}

/** An expected, action-specific failure (e.g. "mismatch"); the client words it from its own keys. */
export interface ActionFailure<Failure extends string> {
  ok: false;
  error: Failure;
}

export type ActionSuccess<Data extends object> = { ok: true } & Data;

/** What a server action answers: what its body returned (`succeed(…)` / `fail(…)`), or an ActionError. */
export type ActionResult<Outcome> = Outcome | ActionError;

export function succeed<Data extends object = Record<never, never>>(data?: Data): ActionSuccess<Data> {
  return { ok: true, ...(data as Data) };
}

export function fail<Failure extends string>(error: Failure): ActionFailure<Failure> {
  return { ok: false, error };
}

/**
 * The one way to write a server action (in an `actions.ts` beside its page, under "use server"):
 *
 *   export const startTransfer = portalAction({ admin: true, input: startTransferSchema }, async (input, session) => {
 *     const jobId = await startTransferFor(services(), session, input);
 *     return succeed({ jobId });       // or: return fail("no_receivers");
 *   });
 *
 * Order: the session (and admin) is checked BEFORE the input is parsed — 401/403 via Next's
 * interrupts, so nobody learns what the action expects without the right to call it; then the
 * input is parsed with the zod schema (`{ ok: false, error: "invalid" }`); then the body runs.
 * Typed errors it throws become `{ ok: false, error: code, message }` in the session's language
 * (lib/errors); unexpected ones are logged and answer "internal".
 */
export function portalAction<Schema extends z.ZodType, Outcome extends ActionSuccess<object> | ActionFailure<string>>(
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
      const { code, messageKey } = describeError(error);
      return { ok: false, error: code, message: t(messageKey) };
    }
  };
}
