/** POST /api/extension/records { kind: contact | lead | deal, …, force? } — 201, or 409 `duplicates_found` with the list unless forced. */
import { translator, resolveLang } from "@/lib/i18n";
import { createRecord, createSchema } from "@/lib/mail";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(createSchema, async ({ auth, input, portal, client }) => {
  const outcome = await createRecord(await client(), portal, auth.userId, input);
  if ("duplicates" in outcome) {
    return {
      status: 409,
      body: { error: "duplicates_found", message: translator(resolveLang(portal.lang))("mail.api.duplicates"), duplicates: outcome.duplicates },
    };
  }
  return { status: 201, body: outcome.created };
});
