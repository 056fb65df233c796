import { prisma } from "@/lib/db/client";
import type { FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";

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

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * Framework scores ({ [frameworkId]: { score, riskScore, passed, failed } }, in ControlScores and
 * ClusterDailyScore) read defensively
 * like lib/server/clusters' parser (a malformed entry is dropped), without a schema library: the
 * fleet views parse a thousand of these per request.
 */
export function readFrameworkScores(value: unknown): Record<string, FrameworkScore> {
  const out: Record<string, FrameworkScore> = {};
  const raw = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!entry || typeof entry !== "object") continue;
    const e = entry as Record<string, unknown>;
    if (e.score !== null && num(e.score) === null) continue;
    out[id] = { score: num(e.score), riskScore: num(e.riskScore), passed: num(e.passed), failed: num(e.failed) };
  }
  return out;
}

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
          SELECT s."id", s."clusterId", s."collectedAt", cs."frameworkScores", cs."failedBySeverity", s."failingResources", s."objectCount", s."collectionErrors", s."libraryVersion", s."engineVersion"
            FROM "Snapshot" s LEFT JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
           WHERE s."orgId" = ${orgId} AND s."id" = ANY(${pointed}::text[])`
      : Promise.resolve([] as Row[]),
    unpointed.length
      ? prisma.$queryRaw<Row[]>`
          SELECT s."id", s."clusterId", s."collectedAt", cs."frameworkScores", cs."failedBySeverity", s."failingResources", s."objectCount", s."collectionErrors", s."libraryVersion", s."engineVersion"
            FROM (SELECT DISTINCT ON ("clusterId") * FROM "Snapshot"
                   WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${unpointed}::text[]) AND "status" = 'complete'
                   ORDER BY "clusterId", "collectedAt" DESC) s
            LEFT JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"`
      : Promise.resolve([] as Row[]),
  ]);
  const out = new Map<string, LatestEvaluation>();
  for (const r of [...a, ...b]) {
    out.set(r.clusterId, {
      snapshotId: r.id,
      collectedAt: new Date(r.collectedAt),
      frameworkScores: readFrameworkScores(r.frameworkScores),
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

/**
 * Each cluster's framework scores on `day` (UTC): its last daily roll-up at or before it, at most
 * `lookbackDays` older (one index probe per cluster on the roll-ups' primary key).
 */
export async function frameworkScoresOnDay({ orgId, clusterIds, day, lookbackDays = 30 }: { orgId: string; clusterIds: string[]; day: Date; lookbackDays?: number }): Promise<Map<string, Record<string, FrameworkScore>>> {
  const out = new Map<string, Record<string, FrameworkScore>>();
  if (!clusterIds.length) return out;
  const until = day.toISOString().slice(0, 10);
  const from = new Date(day.getTime() - lookbackDays * 86_400_000).toISOString().slice(0, 10);
  const rows = await prisma.$queryRaw<{ clusterId: string; frameworkScores: unknown }[]>`
    SELECT i.id AS "clusterId", d."frameworkScores"
      FROM unnest(${clusterIds}::text[]) AS i(id)
      CROSS JOIN LATERAL (
        SELECT "frameworkScores" FROM "ClusterDailyScore"
         WHERE "clusterId" = i.id AND "orgId" = ${orgId} AND "day" <= ${until}::date AND "day" > ${from}::date
         ORDER BY "day" DESC LIMIT 1
      ) d`;
  for (const r of rows) out.set(r.clusterId, readFrameworkScores(r.frameworkScores));
  return out;
}

/** Cluster id → its latest evaluation's snapshot id (as latestEvaluations picks it), without loading the scores. */
export async function latestSnapshotIds({ orgId, clusters }: { orgId: string; clusters: { id: string; latestSnapshotId: string | null }[] }): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unpointed: string[] = [];
  for (const c of clusters) {
    if (c.latestSnapshotId) out.set(c.id, c.latestSnapshotId);
    else unpointed.push(c.id);
  }
  if (unpointed.length) {
    const rows = await prisma.$queryRaw<{ id: string; clusterId: string }[]>`
      SELECT DISTINCT ON ("clusterId") "id", "clusterId" FROM "Snapshot"
       WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${unpointed}::text[]) AND "status" = 'complete'
       ORDER BY "clusterId", "collectedAt" DESC`;
    for (const r of rows) out.set(r.clusterId, r.id);
  }
  return out;
}
