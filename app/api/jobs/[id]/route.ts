/**
 * GET /api/jobs/{id}: a job's progress for the page that polls it (components/job-progress.tsx).
 * Only inside a session, only jobs of the session's portal, and for non-admins only their own;
 * a job one may not see answers 404 like one that does not exist.
 */
import { NextResponse } from "next/server";
import { readSession } from "@/lib/auth";
import { getPrisma } from "@/lib/db";
import { readJobProgress } from "@/lib/jobs";
import { jobs } from "@/lib/jobs-in-web-process";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await readSession();
  if (!session) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const { id } = await params;
  const progress = await readJobProgress(getPrisma(), await jobs().boss(), id, session);
  if (!progress) return NextResponse.json({ error: "not_found" }, { status: 404 });
  return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
}
