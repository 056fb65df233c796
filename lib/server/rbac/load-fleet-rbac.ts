import { prisma } from "@/lib/db/client";
import { getClusterRbacFindings, type ClusterRbacFindingsResult } from "./get-cluster-rbac-findings";

export type FleetCluster = { id: string; name: string; provider: string; environment: string };

export type FleetRbac = {
  clusters: FleetCluster[];
  /** Clusters with an evaluated RBAC state, each with its findings. */
  analysed: { cluster: FleetCluster; rbac: ClusterRbacFindingsResult }[];
  /** Clusters whose state could not be read; the fleet view still shows the others. */
  errors: { clusterId: string; clusterName: string; message: string }[];
};

/**
 * The RBAC findings of every cluster of the organization that has stored state. One cluster
 * failing (e.g. a body missing from the store) is recorded and skipped, not fatal.
 */
export async function loadFleetRbac({ orgId }: { orgId: string }): Promise<FleetRbac> {
  const clusters = await prisma.cluster.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, provider: true, environment: true, latestSnapshotId: true },
  });
  const result: FleetRbac = { clusters: clusters.map(({ latestSnapshotId: _l, ...c }) => c), analysed: [], errors: [] };
  // One at a time: models of large clusters are built on the request's CPU.
  for (const { latestSnapshotId, ...cluster } of clusters) {
    if (!latestSnapshotId) continue;
    try {
      const rbac = await getClusterRbacFindings({ orgId, clusterId: cluster.id });
      if (rbac.snapshot) result.analysed.push({ cluster, rbac });
    } catch (error) {
      console.error(`[rbac] fleet: cluster ${cluster.id} could not be analysed:`, error);
      result.errors.push({ clusterId: cluster.id, clusterName: cluster.name, message: "Its RBAC state could not be read; the error was logged." });
    }
  }
  return result;
}
