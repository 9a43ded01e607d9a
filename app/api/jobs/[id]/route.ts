/**
 * GET /api/jobs/{id}: a job's progress for the page that polls it (components/job-progress.tsx).
 * Only inside a session, only jobs of the session's portal, and for non-admins only their own;
 * a job one may not see answers 404 like one that does not exist.
 */
import { NextResponse } from "next/server";
import { readSession, UnauthorizedError } from "@/lib/auth";
import { errorResponse, NotFoundError } from "@/lib/errors";
import { readJobProgress } from "@/lib/jobs";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await readSession();
  try {
    if (!session) throw new UnauthorizedError();
    const { id } = await params;
    const progress = await readJobProgress(services().prisma, await services().jobs.boss(), id, session);
    if (!progress) throw new NotFoundError();
    return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, session?.lang ?? "en", "GET /api/jobs/{id}");
  }
}
