/** POST /api/extension/log-email — only on the user's click; 409 already_logged for a message logged before. */
import { logEmail, logEmailSchema, portalContext } from "@/lib/mail";
import { mailDeps } from "../_lib/deps";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const POST = extensionRoute(
  logEmailSchema,
  async ({ auth, input }) => {
    const deps = mailDeps();
    const { portal, client } = await portalContext(deps, auth);
    return logEmail(deps, client, portal, auth.userId, input);
  },
  { status: 201 },
);
