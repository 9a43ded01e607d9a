/** POST /api/extension/log-email — only on the user's click; 201, or 409 `already_logged` with the link. */
import { resolveLang, translator } from "@/lib/i18n";
import { logEmail, logEmailSchema } from "@/lib/mail";
import { services } from "@/lib/services";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(logEmailSchema, async ({ auth, input, portal, client }) => {
  const outcome = await logEmail(services(), await client(), portal, auth.userId, input);
  if ("alreadyLogged" in outcome) {
    return {
      status: 409,
      body: { error: "already_logged", message: translator(resolveLang(portal.lang))("mail.api.alreadyLogged"), ...outcome.alreadyLogged },
    };
  }
  return { status: 201, body: outcome.logged };
});
