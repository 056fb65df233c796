import { prisma } from "@/lib/db/client";
import { parseFrameworkScores, type FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";

export type LatestEvaluation = {
  snapshotId: string;
  collectedAt: Date;
  frameworkScores: Record<string, FrameworkScore>;
  failedBySeverity: Record<string, number>;
  failingResources: number | null;
  objectCount: number;
  collectionErrors: unknown[];
  libraryVersion: string | null;
  engineVersion: string | null;
};

type Row = {
  id: string; clusterId: string; collectedAt: Date; frameworkScores: unknown; failedBySeverity: unknown; failingResources: number | null;
  objectCount: number; collectionErrors: unknown; libraryVersion: string | null; engineVersion: string | null;
};

function severityCounts(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === "number") out[k] = v;
  }
  return out;
}

/**
 * Each cluster's latest evaluation: the pipeline's `latestSnapshotId`, or for a cluster whose
 * history predates the pipeline, its newest complete snapshot. Map by cluster id.
 */
export async function latestEvaluations({ orgId, clusters }: { orgId: string; clusters: { id: string; latestSnapshotId: string | null }[] }): Promise<Map<string, LatestEvaluation>> {
  const pointed = clusters.filter((c) => c.latestSnapshotId).map((c) => c.latestSnapshotId!);
  const unpointed = clusters.filter((c) => !c.latestSnapshotId).map((c) => c.id);
  const [a, b] = await Promise.all([
    pointed.length
      ? prisma.$queryRaw<Row[]>`
          SELECT "id", "clusterId", "collectedAt", "frameworkScores", "failedBySeverity", "failingResources", "objectCount", "collectionErrors", "libraryVersion", "engineVersion"
            FROM "Snapshot" WHERE "orgId" = ${orgId} AND "id" = ANY(${pointed}::text[])`
      : Promise.resolve([] as Row[]),
    unpointed.length
      ? prisma.$queryRaw<Row[]>`
          SELECT DISTINCT ON ("clusterId") "id", "clusterId", "collectedAt", "frameworkScores", "failedBySeverity", "failingResources", "objectCount", "collectionErrors", "libraryVersion", "engineVersion"
            FROM "Snapshot" WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${unpointed}::text[]) AND "status" = 'complete'
           ORDER BY "clusterId", "collectedAt" DESC`
      : Promise.resolve([] as Row[]),
  ]);
  const out = new Map<string, LatestEvaluation>();
  for (const r of [...a, ...b]) {
    out.set(r.clusterId, {
      snapshotId: r.id,
      collectedAt: new Date(r.collectedAt),
      frameworkScores: parseFrameworkScores(r.frameworkScores),
      failedBySeverity: severityCounts(r.failedBySeverity),
      failingResources: r.failingResources,
      objectCount: r.objectCount,
      collectionErrors: Array.isArray(r.collectionErrors) ? r.collectionErrors : [],
      libraryVersion: r.libraryVersion,
      engineVersion: r.engineVersion,
    });
  }
  return out;
}

/** Each cluster's framework score on `day` (UTC): its last daily roll-up at or before it, looking back `lookbackDays`. */
export async function frameworkScoresOnDay({ orgId, clusterIds, day, lookbackDays = 30 }: { orgId: string; clusterIds: string[]; day: Date; lookbackDays?: number }): Promise<Map<string, Record<string, FrameworkScore>>> {
  const out = new Map<string, Record<string, FrameworkScore>>();
  if (!clusterIds.length) return out;
  const until = day.toISOString().slice(0, 10);
  const from = new Date(day.getTime() - lookbackDays * 86_400_000).toISOString().slice(0, 10);
  const rows = await prisma.$queryRaw<{ clusterId: string; frameworkScores: unknown }[]>`
    SELECT DISTINCT ON ("clusterId") "clusterId", "frameworkScores" FROM "ClusterDailyScore"
     WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${clusterIds}::text[]) AND "day" <= ${until}::date AND "day" > ${from}::date
     ORDER BY "clusterId", "day" DESC`;
  for (const r of rows) out.set(r.clusterId, parseFrameworkScores(r.frameworkScores));
  return out;
}
