import { prisma } from "@/lib/db/client";
import type { ControlStatus } from "@/lib/engine/types";

/** One control over a set of clusters' latest evaluations. */
export type FleetControlCounts = {
  controlId: string;
  /** Clusters by the control's status in their latest evaluation. */
  clusters: Record<ControlStatus, number>;
  /** Resources summed over those clusters. */
  passed: number;
  failed: number;
  excepted: number;
};

type Row = { controlId: string; status: ControlStatus; clusters: bigint; passed: bigint; failed: bigint; excepted: bigint };

const EMPTY_STATUSES = (): Record<ControlStatus, number> => ({ passed: 0, failed: 0, excepted: 0, skipped: 0, manual: 0, not_applicable: 0 });

/**
 * Per-control counts over the latest evaluated snapshot of each given cluster, read from the
 * content-addressed per-control rows (clusters with identical results share one row, so the work
 * grows with distinct results, not with clusters). Map by control id.
 */
export async function aggregateControlCounts({ orgId, snapshotIds }: { orgId: string; snapshotIds: string[] }): Promise<Map<string, FleetControlCounts>> {
  const out = new Map<string, FleetControlCounts>();
  if (!snapshotIds.length) return out;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT "controlScoresHash" AS hash, count(*) AS n FROM "Snapshot"
       WHERE "orgId" = ${orgId} AND "id" = ANY(${snapshotIds}::text[]) AND "controlScoresHash" IS NOT NULL
       GROUP BY 1
    )
    SELECT e.key AS "controlId", e.value->>0 AS status, sum(l.n) AS clusters,
           sum(l.n * (e.value->>1)::int) AS passed, sum(l.n * (e.value->>2)::int) AS failed, sum(l.n * (e.value->>3)::int) AS excepted
      FROM latest l
      JOIN "ControlScores" cs ON cs."orgId" = ${orgId} AND cs."hash" = l.hash
      CROSS JOIN LATERAL jsonb_each(cs."counts") AS e
     GROUP BY 1, 2`;
  for (const r of rows) {
    let c = out.get(r.controlId);
    if (!c) out.set(r.controlId, (c = { controlId: r.controlId, clusters: EMPTY_STATUSES(), passed: 0, failed: 0, excepted: 0 }));
    c.clusters[r.status] = (c.clusters[r.status] ?? 0) + Number(r.clusters);
    c.passed += Number(r.passed);
    c.failed += Number(r.failed);
    c.excepted += Number(r.excepted);
  }
  return out;
}

/** Per-control [status, passed, failed, excepted] of one snapshot; {} when it has none stored. */
export async function snapshotControlCounts({ orgId, snapshotId }: { orgId: string; snapshotId: string }): Promise<Record<string, [ControlStatus, number, number, number]>> {
  const rows = await prisma.$queryRaw<{ counts: unknown }[]>`
    SELECT cs."counts" FROM "Snapshot" s JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
     WHERE s."orgId" = ${orgId} AND s."id" = ${snapshotId}`;
  const counts = rows[0]?.counts;
  if (!counts || typeof counts !== "object") return {};
  return counts as Record<string, [ControlStatus, number, number, number]>;
}
