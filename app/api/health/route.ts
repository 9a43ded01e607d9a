import { checkHealth } from "@/lib/health";
import { services } from "@/lib/services";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 when the database and the queue answer, 503 otherwise. */
export async function GET() {
  const report = await checkHealth(() => services().prisma);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
