/** POST /api/extension/records { kind: contact | lead | deal, …, force? } — 409 duplicates_found unless forced. */
import { createRecord, createSchema, portalContext } from "@/lib/mail";
import { mailDeps } from "../_lib/deps";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(
  createSchema,
  async ({ auth, input }) => {
    const { portal, client } = await portalContext(mailDeps(), auth);
    return createRecord(client, portal, auth.userId, input);
  },
  { status: 201 },
);
