/** GET /api/extension/pipelines — deal pipelines with stages, lead statuses (the sidebar caches them). */
import { readPipelines } from "@/lib/mail";
import { extensionRoute, preflight } from "../_lib/respond";

export const dynamic = "force-dynamic";

export const OPTIONS = preflight;

export const GET = extensionRoute(null, async ({ client }) => ({ ...(await readPipelines(await client())), fetchedAt: new Date().toISOString() }));
