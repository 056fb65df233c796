import { prisma } from "@/lib/db/client";
import { QUEUES } from "./job-queue";

export type EvaluationFailure = {
  snapshots: { id: string; clusterId: string; clusterName: string; collectedAt: Date; error: string | null }[];
  jobs: { jobId: string; queue: string; state: string; clusterId: string | null; snapshotId: string | null; attempts: number; error: string | null; failedAt: Date | null }[];
};

type JobRow = { id: string; name: string; state: string; data: Record<string, unknown> | null; retry_count: number; output: unknown; completed_on: Date | null };

function messageOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  const message = typeof o.message === "string" ? o.message : typeof o.value?.message === "string" ? o.value.message : null;
  return message ? message.slice(0, 2000) : null;
}

/**
 * What admins need when evaluation breaks: the organization's failed snapshots (with the reason)
 * and the failed pipeline jobs (dead-lettered after their retries), newest first. Stack traces stay
 * in the worker log; only the error message is shown.
 */
export async function listEvaluationFailures({ orgId, limit = 100 }: { orgId: string; limit?: number }): Promise<EvaluationFailure> {
  const snapshots = await prisma.snapshot.findMany({
    where: { orgId, status: "failed" },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, clusterId: true, collectedAt: true, error: true, cluster: { select: { name: true } } },
  });
  const [{ installed }] = await prisma.$queryRaw<{ installed: string | null }[]>`SELECT to_regclass('pgboss.job')::text AS installed`;
  let rows: JobRow[] = [];
  if (installed) {
    const queues = [QUEUES.evaluateSnapshot, QUEUES.rescoreCluster];
    rows = await prisma.$queryRaw<JobRow[]>`
      SELECT * FROM (
        SELECT "id"::text, "name", "state"::text, "data", "retry_count", "output", "completed_on" FROM pgboss.job
         WHERE "name" = ANY(${queues}::text[]) AND "state" = 'failed' AND "data"->>'orgId' = ${orgId}
        UNION ALL
        SELECT "id"::text, "name", "state"::text, "data", "retry_count", "output", "completed_on" FROM pgboss.archive
         WHERE "name" = ANY(${queues}::text[]) AND "state" = 'failed' AND "data"->>'orgId' = ${orgId}
      ) failed ORDER BY "completed_on" DESC NULLS LAST LIMIT ${limit}`;
  }
  return {
    snapshots: snapshots.map((s) => ({ id: s.id, clusterId: s.clusterId, clusterName: s.cluster.name, collectedAt: s.collectedAt, error: s.error })),
    jobs: rows.map((r) => ({
      jobId: r.id,
      queue: r.name,
      state: r.state,
      clusterId: typeof r.data?.clusterId === "string" ? r.data.clusterId : null,
      snapshotId: typeof r.data?.snapshotId === "string" ? r.data.snapshotId : null,
      attempts: Number(r.retry_count) + 1,
      error: messageOf(r.output),
      failedAt: r.completed_on,
    })),
  };
}
