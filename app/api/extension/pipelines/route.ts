/** GET /api/extension/pipelines — deal pipelines with stages, lead statuses (the sidebar caches them). */
import { portalContext, readPipelines } from "@/lib/mail";
import { mailDeps } from "../_lib/deps";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const GET = extensionRoute(null, async ({ auth }) => {
  const { client } = await portalContext(mailDeps(), auth);
  return { ...(await readPipelines(client)), fetchedAt: new Date().toISOString() };
});
