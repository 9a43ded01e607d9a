/** POST /api/extension/lookup { participants: [{ email, name? }] } — up to 20, one portal round-trip. */
import { lookupParticipants, lookupSchema } from "@/lib/mail";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(lookupSchema, async ({ input, portal, client }) => ({
  participants: await lookupParticipants(await client(), portal, input),
}));
