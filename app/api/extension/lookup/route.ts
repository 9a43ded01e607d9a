/** POST /api/extension/lookup { participants: [{ email, name? }] } — up to 20, one portal round-trip. */
import { lookupParticipants, lookupSchema, portalContext } from "@/lib/mail";
import { mailDeps } from "../_lib/deps";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(lookupSchema, async ({ auth, input }) => {
  const { portal, client } = await portalContext(mailDeps(), auth);
  return { participants: await lookupParticipants(client, portal, input) };
});
