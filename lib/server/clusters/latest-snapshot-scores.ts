import { z } from "zod";
import { prisma } from "@/lib/db/client";

// Framework scores are JSON written by the evaluator (a snapshot's ControlScores row, ClusterDailyScore):
// { [frameworkId]: { score, riskScore, … } }.
// It is parsed defensively: a malformed entry is dropped, not allowed to break the dashboard.
const ZFrameworkScore = z.object({
  score: z.number().nullable(),
  riskScore: z.number().nullable().optional(),
  passed: z.number().optional(),
  failed: z.number().optional(),
});

export type FrameworkScore = { score: number | null; riskScore: number | null; passed: number | null; failed: number | null };

export type LatestSnapshotScores = {
  clusterId: string;
  snapshotId: string;
  collectedAt: Date;
  frameworkScores: Record<string, FrameworkScore>;
  failedBySeverity: Record<string, number>;
};

export function parseFrameworkScores(value: unknown): Record<string, FrameworkScore> {
  const out: Record<string, FrameworkScore> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const parsed = ZFrameworkScore.safeParse(raw);
    if (!parsed.success) continue;
    out[id] = {
      score: parsed.data.score,
      riskScore: parsed.data.riskScore ?? null,
      passed: parsed.data.passed ?? null,
      failed: parsed.data.failed ?? null,
    };
  }
  return out;
}

function parseSeverityCounts(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === "number") out[k] = v;
  return out;
}

/** Framework scores of snapshots by their ControlScores hash (snapshots of an unchanged cluster share one). */
export async function frameworkScoresByHash({ orgId, hashes }: { orgId: string; hashes: (string | null)[] }): Promise<Map<string, Record<string, FrameworkScore>>> {
  const wanted = [...new Set(hashes.filter((h): h is string => !!h))];
  const rows = wanted.length
    ? await prisma.controlScores.findMany({ where: { orgId, hash: { in: wanted } }, select: { hash: true, frameworkScores: true } })
    : [];
  return new Map(rows.map((r) => [r.hash, parseFrameworkScores(r.frameworkScores)]));
}

/** The most recent complete snapshot's scores for each cluster of the organization. */
export async function latestSnapshotScores({ orgId }: { orgId: string }): Promise<Map<string, LatestSnapshotScores>> {
  // One index probe per cluster on Snapshot (orgId, status, clusterId, collectedAt DESC): a DISTINCT ON
  // over the organization's snapshots visited all of them (45,000 at 500 clusters × 90 days, ~140 ms).
  const rows = await prisma.$queryRaw<
    { id: string; clusterId: string; collectedAt: Date; frameworkScores: unknown; failedBySeverity: unknown }[]
  >`SELECT s."id", s."clusterId", s."collectedAt", cs."frameworkScores", cs."failedBySeverity"
      FROM "Cluster" c
      CROSS JOIN LATERAL (
        SELECT "id", "clusterId", "collectedAt", "controlScoresHash" FROM "Snapshot"
         WHERE "orgId" = ${orgId} AND "status" = 'complete' AND "clusterId" = c."id"
         ORDER BY "collectedAt" DESC LIMIT 1) s
      LEFT JOIN "ControlScores" cs ON cs."orgId" = ${orgId} AND cs."hash" = s."controlScoresHash"
     WHERE c."orgId" = ${orgId}`;
  const out = new Map<string, LatestSnapshotScores>();
  for (const row of rows) {
    out.set(row.clusterId, {
      clusterId: row.clusterId,
      snapshotId: row.id,
      collectedAt: new Date(row.collectedAt),
      frameworkScores: parseFrameworkScores(typeof row.frameworkScores === "string" ? JSON.parse(row.frameworkScores) : row.frameworkScores),
      failedBySeverity: parseSeverityCounts(typeof row.failedBySeverity === "string" ? JSON.parse(row.failedBySeverity) : row.failedBySeverity),
    });
  }
  return out;
}
