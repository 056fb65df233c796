import type { ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { describeFrameworks } from "@/lib/server/clusters/framework-names";
import { listClusters } from "@/lib/server/clusters/list-clusters";

export type FleetFramework = { id: string; name: string; shortName: string; averageScore: number | null; clustersScored: number };

export type FleetOverviewCluster = {
  id: string;
  name: string;
  provider: string;
  environment: string;
  kubernetesVersion: string | null;
  status: ClusterStatus;
  lastSeenAt: Date | null;
  lastSnapshotAt: Date | null;
  scores: Record<string, number | null>;
  failedBySeverity: Record<string, number>;
};

export type FleetOverview = {
  clusterCount: number;
  statusCounts: Record<ClusterStatus, number>;
  lastSeenAt: Date | null;
  frameworks: FleetFramework[];
  clusters: FleetOverviewCluster[];
};

/** Fleet summary for the overview page: counts, freshness, and each cluster's latest framework scores. */
export async function getFleetOverview({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<FleetOverview> {
  const clusters = await listClusters({ orgId, now });
  const statusCounts: Record<ClusterStatus, number> = { active: 0, stale: 0, never_seen: 0 };
  let lastSeenAt: Date | null = null;
  const frameworkTotals = new Map<string, { sum: number; count: number }>();

  const rows: FleetOverviewCluster[] = clusters.map((c) => {
    statusCounts[c.status] += 1;
    if (c.lastSeenAt && (!lastSeenAt || c.lastSeenAt > lastSeenAt)) lastSeenAt = c.lastSeenAt;
    const scores: Record<string, number | null> = {};
    for (const [id, s] of Object.entries(c.latestSnapshot?.frameworkScores ?? {})) {
      scores[id] = s.score;
      const total = frameworkTotals.get(id) ?? { sum: 0, count: 0 };
      if (s.score !== null) {
        total.sum += s.score;
        total.count += 1;
      }
      frameworkTotals.set(id, total);
    }
    return {
      id: c.id,
      name: c.name,
      provider: c.provider,
      environment: c.environment,
      kubernetesVersion: c.kubernetesVersion,
      status: c.status,
      lastSeenAt: c.lastSeenAt,
      lastSnapshotAt: c.latestSnapshot?.collectedAt ?? null,
      scores,
      failedBySeverity: c.latestSnapshot?.failedBySeverity ?? {},
    };
  });

  const frameworks = describeFrameworks(frameworkTotals.keys()).map(({ id, name, shortName }) => {
    const t = frameworkTotals.get(id) ?? { sum: 0, count: 0 };
    return { id, name, shortName, averageScore: t.count ? t.sum / t.count : null, clustersScored: t.count };
  });

  return { clusterCount: clusters.length, statusCounts, lastSeenAt, frameworks, clusters: rows };
}
