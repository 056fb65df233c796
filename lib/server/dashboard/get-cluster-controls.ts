import { AppError } from "@/lib/api/errors";
import { ALL_CONTROLS } from "@/lib/controls";
import { prisma } from "@/lib/db/client";
import type { ControlCategory, ControlStatus, Severity } from "@/lib/engine/types";
import { snapshotControlCounts } from "./aggregate-control-counts";
import { controlFacts, frameworkMembers, SEVERITY_RANK } from "./control-facts";
import { DEFAULT_FRAMEWORK } from "./fleet-filters";
import { latestEvaluations } from "./latest-evaluations";

export type ClusterControl = {
  id: string;
  name: string;
  severity: Severity;
  category: ControlCategory;
  /** The framework's own reference for the control (CIS "5.2.2"…), when a framework is selected. */
  ref: string | null;
  status: ControlStatus;
  passed: number;
  failed: number;
  excepted: number;
  /** First time one of its still-open, non-excepted findings was seen: "failing since". */
  failingSince: Date | null;
  /** Open findings that were fixed before and came back. */
  reopened: number;
};

export type ClusterControls = {
  cluster: { id: string; name: string };
  snapshot: { id: string; collectedAt: Date; libraryVersion: string | null } | null;
  framework: string;
  controls: ClusterControl[];
  counts: Record<ControlStatus, number>;
};

const STATUS_RANK: Record<ControlStatus, number> = { failed: 0, excepted: 1, passed: 2, skipped: 3, manual: 4, not_applicable: 5 };

/** Every control of a framework in the cluster's latest evaluation: status, resources, since when it fails. Worst first. */
export async function getClusterControls({ orgId, clusterId, framework = DEFAULT_FRAMEWORK }: { orgId: string; clusterId: string; framework?: string }): Promise<ClusterControls> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, name: true, latestSnapshotId: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const latest = (await latestEvaluations({ orgId, clusters: [cluster] })).get(cluster.id);
  const counts: Record<ControlStatus, number> = { passed: 0, failed: 0, excepted: 0, skipped: 0, manual: 0, not_applicable: 0 };
  if (!latest) return { cluster: { id: cluster.id, name: cluster.name }, snapshot: null, framework, controls: [], counts };

  const [rows, since] = await Promise.all([
    snapshotControlCounts({ orgId, snapshotId: latest.snapshotId }),
    prisma.$queryRaw<{ controlId: string; since: Date | null; reopened: bigint }[]>`
      SELECT "controlId", min("firstSeenAt") FILTER (WHERE "exceptionId" IS NULL) AS since, count(*) FILTER (WHERE "occurrence" > 1) AS reopened
        FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL GROUP BY 1`,
  ]);
  const sinceBy = new Map(since.map((s) => [s.controlId, s]));
  const members = frameworkMembers(framework);
  const controls: ClusterControl[] = [];
  // Controls the library knows but the snapshot lacks (added after it was evaluated) are left out:
  // the cluster's next evaluation will judge them.
  for (const [id, row] of Object.entries(rows)) {
    if (!members.has(id)) continue;
    const facts = controlFacts(id);
    const s = sinceBy.get(id);
    counts[row[0]]++;
    controls.push({
      id,
      name: facts.name,
      severity: facts.severity,
      category: facts.category,
      ref: framework === "all" ? null : (members.get(id) ?? null),
      status: row[0],
      passed: row[1],
      failed: row[2],
      excepted: row[3],
      failingSince: row[0] === "failed" ? (s?.since ?? null) : null,
      reopened: Number(s?.reopened ?? 0),
    });
  }
  controls.sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.failed - a.failed || a.id.localeCompare(b.id));
  return {
    cluster: { id: cluster.id, name: cluster.name },
    snapshot: { id: latest.snapshotId, collectedAt: latest.collectedAt, libraryVersion: latest.libraryVersion },
    framework,
    controls,
    counts,
  };
}

/** Library size, for "n of m controls" texts. */
export const LIBRARY_SIZE = ALL_CONTROLS.length;
