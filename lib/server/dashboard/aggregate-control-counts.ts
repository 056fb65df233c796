import { controlIds, countsOfSnapshots, packedCountsOfSnapshots, STATUS_CODES, type ControlCounts } from "./control-scores-cache";
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

const EMPTY_STATUSES = (): Record<ControlStatus, number> => ({ passed: 0, failed: 0, excepted: 0, skipped: 0, manual: 0, not_applicable: 0 });

/**
 * Per-control counts over the latest evaluated snapshot of each given cluster. Map by control id.
 * Clusters with identical results share one content-addressed row, read once and cached.
 */
export async function aggregateControlCounts({ orgId, snapshotIds }: { orgId: string; snapshotIds: string[] }): Promise<Map<string, FleetControlCounts>> {
  const packed = await packedCountsOfSnapshots(orgId, snapshotIds);
  // Sums per control index over typed arrays: a 500-cluster fleet is ~130,000 additions.
  const n = controlIds.length;
  const byStatus = STATUS_CODES.map(() => new Int32Array(n));
  const passed = new Float64Array(n);
  const failed = new Float64Array(n);
  const excepted = new Float64Array(n);
  const seen = new Uint8Array(n);
  for (const p of packed) {
    for (let i = 0; i < p.control.length; i++) {
      const c = p.control[i];
      seen[c] = 1;
      byStatus[p.status[i]][c]++;
      passed[c] += p.passed[i];
      failed[c] += p.failed[i];
      excepted[c] += p.excepted[i];
    }
  }
  const out = new Map<string, FleetControlCounts>();
  for (let c = 0; c < n; c++) {
    if (!seen[c]) continue;
    const clusters = EMPTY_STATUSES();
    STATUS_CODES.forEach((status, s) => (clusters[status] = byStatus[s][c]));
    out.set(controlIds[c], { controlId: controlIds[c], clusters, passed: passed[c], failed: failed[c], excepted: excepted[c] });
  }
  return out;
}

/** Per-control [status, passed, failed, excepted] of one snapshot; {} when it has none stored. */
export async function snapshotControlCounts({ orgId, snapshotId }: { orgId: string; snapshotId: string }): Promise<ControlCounts> {
  return (await countsOfSnapshots(orgId, [snapshotId])).get(snapshotId) ?? {};
}
