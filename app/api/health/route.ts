import { checkDatabase } from "@/lib/server/health/check-database";

export const dynamic = "force-dynamic";

/** Liveness + database reachability for load balancers and `docker compose` health checks. */
export async function GET(): Promise<Response> {
  const db = await checkDatabase();
  return Response.json(
    { status: db.ok ? "ok" : "degraded", database: db.ok ? "ok" : "error" },
    { status: db.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
