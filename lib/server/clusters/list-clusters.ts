import { prisma } from "@/lib/db/client";
import { clusterStatus, type ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { labelsFromJson } from "@/lib/server/clusters/cluster-labels";
import { latestSnapshotScores, type FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";

export type ClusterSummary = {
  id: string;
  name: string;
  provider: string;
  environment: string;
  region: string | null;
  kubernetesVersion: string | null;
  nodeCount: number | null;
  agentVersion: string | null;
  labels: Record<string, string>;
  lastSeenAt: Date | null;
  createdAt: Date;
  status: ClusterStatus;
  latestSnapshot: { id: string; collectedAt: Date; frameworkScores: Record<string, FrameworkScore>; failedBySeverity: Record<string, number> } | null;
};

/** Every cluster of the organization with its freshness and latest snapshot scores, by name. */
export async function listClusters({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<ClusterSummary[]> {
  const [clusters, latest] = await Promise.all([
    prisma.cluster.findMany({ where: { orgId }, orderBy: { name: "asc" } }),
    latestSnapshotScores({ orgId }),
  ]);
  return clusters.map((c) => {
    const snap = latest.get(c.id);
    return {
      id: c.id,
      name: c.name,
      provider: c.provider,
      environment: c.environment,
      region: c.region,
      kubernetesVersion: c.kubernetesVersion,
      nodeCount: c.nodeCount,
      agentVersion: c.agentVersion,
      labels: labelsFromJson(c.labels),
      lastSeenAt: c.lastSeenAt,
      createdAt: c.createdAt,
      status: clusterStatus(c.lastSeenAt, now),
      latestSnapshot: snap
        ? { id: snap.snapshotId, collectedAt: snap.collectedAt, frameworkScores: snap.frameworkScores, failedBySeverity: snap.failedBySeverity }
        : null,
    };
  });
}
