import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { clusterStatus, type ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { frameworkScoresByHash, type FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";
import { describeFrameworks, type FrameworkLabel } from "@/lib/server/clusters/framework-names";
import { labelsFromJson } from "@/lib/server/clusters/cluster-labels";

export type ClusterDetail = {
  id: string;
  name: string;
  clusterUid: string | null;
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
  /** Frameworks scored in the latest snapshot, with display names, in library order. */
  frameworks: FrameworkLabel[];
  snapshots: { id: string; collectedAt: Date; objectCount: number; agentVersion: string | null; frameworkScores: Record<string, FrameworkScore>; collectionErrors: unknown }[];
  tokens: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; expiresAt: Date | null }[];
};

/** One cluster of the organization with its recent snapshots and cluster-scoped tokens; 404 if it is not the org's. */
export async function getCluster({ orgId, clusterId, snapshotLimit = 30 }: { orgId: string; clusterId: string; snapshotLimit?: number }): Promise<ClusterDetail> {
  const cluster = await prisma.cluster.findFirst({
    where: { orgId, id: clusterId },
    include: {
      snapshots: {
        where: { orgId, status: "complete" },
        orderBy: { collectedAt: "desc" },
        take: snapshotLimit,
        select: { id: true, collectedAt: true, objectCount: true, agentVersion: true, controlScoresHash: true, collectionErrors: true },
      },
      agentTokens: {
        where: { orgId },
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true },
      },
    },
  });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const scores = await frameworkScoresByHash({ orgId, hashes: cluster.snapshots.map((s) => s.controlScoresHash) });
  const snapshots = cluster.snapshots.map(({ controlScoresHash, ...s }) => ({ ...s, frameworkScores: (controlScoresHash && scores.get(controlScoresHash)) || {} }));
  return {
    id: cluster.id,
    name: cluster.name,
    clusterUid: cluster.clusterUid,
    provider: cluster.provider,
    environment: cluster.environment,
    region: cluster.region,
    kubernetesVersion: cluster.kubernetesVersion,
    nodeCount: cluster.nodeCount,
    agentVersion: cluster.agentVersion,
    labels: labelsFromJson(cluster.labels),
    lastSeenAt: cluster.lastSeenAt,
    createdAt: cluster.createdAt,
    status: clusterStatus(cluster.lastSeenAt),
    frameworks: describeFrameworks(Object.keys(snapshots[0]?.frameworkScores ?? {})),
    snapshots,
    tokens: cluster.agentTokens,
  };
}
