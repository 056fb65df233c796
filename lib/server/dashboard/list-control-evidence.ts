import { AppError } from "@/lib/api/errors";
import { getControl } from "@/lib/controls";
import { prisma } from "@/lib/db/client";
import { evaluateCurrentState, type CurrentStateEvidence } from "./evaluate-current-state";

/** Re-evaluating a cluster loads all its objects; a fleet-wide answer covers the worst clusters first. */
export const EVIDENCE_CLUSTER_LIMIT = 10;

export type ControlEvidence = { controlId: string; clusters: (CurrentStateEvidence & { clusterName: string })[]; clustersWithFindings: number; truncated: boolean };

/**
 * A control's findings with JSON paths: on one cluster, or on the clusters where it has open
 * findings (most findings first, at most EVIDENCE_CLUSTER_LIMIT).
 */
export async function listControlEvidence({ orgId, controlId, clusterId }: { orgId: string; controlId: string; clusterId?: string }): Promise<ControlEvidence> {
  if (!getControl(controlId)) throw new AppError("not_found", `There is no control ${controlId} in the library.`);
  let targets: { id: string; name: string }[];
  let clustersWithFindings: number;
  if (clusterId) {
    const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, name: true } });
    if (!cluster) throw new AppError("not_found", "Cluster not found.");
    targets = [cluster];
    clustersWithFindings = 1;
  } else {
    // Naming the clusters lets Finding's primary key (clusterId, controlId, …) seek per cluster.
    const clusterIds = (await prisma.cluster.findMany({ where: { orgId }, select: { id: true } })).map((c) => c.id);
    const groups = await prisma.finding.groupBy({ by: ["clusterId"], where: { orgId, clusterId: { in: clusterIds }, controlId, resolvedAt: null }, _count: { _all: true } });
    groups.sort((a, b) => b._count._all - a._count._all || a.clusterId.localeCompare(b.clusterId));
    clustersWithFindings = groups.length;
    const chosen = groups.slice(0, EVIDENCE_CLUSTER_LIMIT).map((g) => g.clusterId);
    const clusters = await prisma.cluster.findMany({ where: { orgId, id: { in: chosen } }, select: { id: true, name: true } });
    const byId = new Map(clusters.map((c) => [c.id, c]));
    targets = chosen.map((id) => byId.get(id)).filter((c): c is { id: string; name: string } => !!c);
  }
  const out: ControlEvidence["clusters"] = [];
  // One cluster at a time: each evaluation holds that cluster's objects in memory.
  for (const c of targets) out.push({ ...(await evaluateCurrentState({ orgId, clusterId: c.id, controlIds: [controlId] })), clusterName: c.name });
  return { controlId, clusters: out, clustersWithFindings, truncated: clustersWithFindings > targets.length };
}
