import { FRAMEWORK_DEFINITIONS } from "@/lib/controls/frameworks";
import type { ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { shortFrameworkName } from "@/lib/server/clusters/framework-names";
import { meanScore, scoreDelta } from "./fleet-score";
import { DEFAULT_FRAMEWORK, type FleetFilters } from "./fleet-filters";
import { frameworkScoresOnDay, latestEvaluations } from "./latest-evaluations";
import { listScopedClusters, type FleetScope } from "./list-scoped-clusters";

const DAY_MS = 86_400_000;
/** "7-day delta": today's score against the score seven days ago. */
export const DELTA_DAYS = 7;

export type OverviewFramework = {
  id: string;
  name: string;
  shortName: string;
  /** Mean of the scoped clusters' latest scores (null: no cluster scored it). */
  score: number | null;
  /** Mean of the same clusters' scores seven days ago (daily roll-ups). */
  scoreWeekAgo: number | null;
  delta: number | null;
  clustersScored: number;
};

export type OverviewCluster = {
  id: string;
  name: string;
  provider: string;
  environment: string;
  region: string | null;
  kubernetesVersion: string | null;
  agentVersion: string | null;
  labels: Record<string, string>;
  status: ClusterStatus;
  lastSeenAt: Date | null;
  lastSnapshotAt: Date | null;
  /** Score and risk for the selected framework in the latest evaluation. */
  score: number | null;
  riskScore: number | null;
  delta: number | null;
  /** Failed controls by severity (all frameworks), from the latest evaluation. */
  failedControls: { critical: number; high: number; medium: number; low: number } | null;
  failingResources: number | null;
  collectionErrors: number;
};

export type DashboardOverview = {
  framework: { id: string; name: string; shortName: string };
  frameworks: OverviewFramework[];
  clusterCount: number;
  statusCounts: Record<ClusterStatus, number>;
  evaluatedClusters: number;
  partialClusters: number;
  lastSeenAt: Date | null;
  clusters: OverviewCluster[];
  filters: FleetFilters;
  options: FleetScope["options"];
};

/** The fleet overview: org score per framework with its 7-day change, and the clusters table, for the filtered fleet. */
export async function getDashboardOverview({
  orgId,
  framework = DEFAULT_FRAMEWORK,
  filters = {},
  now = new Date(),
}: {
  orgId: string;
  framework?: string;
  filters?: FleetFilters;
  now?: Date;
}): Promise<DashboardOverview> {
  const scope = await listScopedClusters({ orgId, filters, now });
  const ids = scope.clusters.map((c) => c.id);
  const [latest, weekAgo] = await Promise.all([
    latestEvaluations({ orgId, clusters: scope.clusters }),
    frameworkScoresOnDay({ orgId, clusterIds: ids, day: new Date(now.getTime() - DELTA_DAYS * DAY_MS) }),
  ]);

  const frameworks: OverviewFramework[] = FRAMEWORK_DEFINITIONS.map((f) => {
    const scored = scope.clusters.map((c) => latest.get(c.id)?.frameworkScores[f.id]?.score ?? null);
    const score = meanScore(scored);
    const scoreWeekAgo = meanScore(scope.clusters.map((c) => weekAgo.get(c.id)?.[f.id]?.score ?? null));
    return { id: f.id, name: f.name, shortName: shortFrameworkName(f.name), score, scoreWeekAgo, delta: scoreDelta(scoreWeekAgo, score), clustersScored: scored.filter((s) => s !== null).length };
  });
  const selected = frameworks.find((f) => f.id === framework) ?? frameworks.find((f) => f.id === DEFAULT_FRAMEWORK)!;

  const statusCounts: Record<ClusterStatus, number> = { active: 0, stale: 0, never_seen: 0 };
  let lastSeenAt: Date | null = null;
  const clusters: OverviewCluster[] = scope.clusters.map((c) => {
    statusCounts[c.status]++;
    if (c.lastSeenAt && (!lastSeenAt || c.lastSeenAt > lastSeenAt)) lastSeenAt = c.lastSeenAt;
    const evaluation = latest.get(c.id);
    const fw = evaluation?.frameworkScores[selected.id];
    const s = evaluation?.failedBySeverity;
    return {
      id: c.id,
      name: c.name,
      provider: c.provider,
      environment: c.environment,
      region: c.region,
      kubernetesVersion: c.kubernetesVersion,
      agentVersion: c.agentVersion,
      labels: c.labels,
      status: c.status,
      lastSeenAt: c.lastSeenAt,
      lastSnapshotAt: evaluation?.collectedAt ?? null,
      score: fw?.score ?? null,
      riskScore: fw?.riskScore ?? null,
      delta: scoreDelta(weekAgo.get(c.id)?.[selected.id]?.score, fw?.score),
      failedControls: s ? { critical: s.critical ?? 0, high: s.high ?? 0, medium: s.medium ?? 0, low: s.low ?? 0 } : null,
      failingResources: evaluation?.failingResources ?? null,
      collectionErrors: evaluation?.collectionErrors.length ?? 0,
    };
  });

  return {
    framework: { id: selected.id, name: selected.name, shortName: selected.shortName },
    frameworks,
    clusterCount: clusters.length,
    statusCounts,
    evaluatedClusters: clusters.filter((c) => c.lastSnapshotAt).length,
    partialClusters: clusters.filter((c) => c.collectionErrors > 0).length,
    lastSeenAt,
    clusters,
    filters,
    options: scope.options,
  };
}
