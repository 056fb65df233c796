import type { Severity } from "@/lib/engine/types";
import { aggregateControlCounts } from "./aggregate-control-counts";
import { controlFacts, frameworkMembers, SEVERITY_RANK } from "./control-facts";
import { DEFAULT_FRAMEWORK, type FleetFilters } from "./fleet-filters";
import { latestSnapshotIds } from "./latest-evaluations";
import { listScopedClusters } from "./list-scoped-clusters";

export type TopFailingControl = {
  controlId: string;
  name: string;
  severity: Severity;
  ref: string | null;
  clustersFailing: number;
  clustersEvaluated: number;
  failedResources: number;
  /** Passed ÷ (passed + failed + excepted) resources over the fleet, excepted counting as passed. */
  passRate: number | null;
};

/** The framework's controls that fail in the most places, worst severity first, over the filtered fleet. */
export async function listTopFailingControls({
  orgId,
  framework = DEFAULT_FRAMEWORK,
  filters = {},
  limit = 10,
}: {
  orgId: string;
  framework?: string;
  filters?: FleetFilters;
  limit?: number;
}): Promise<{ framework: string; clusters: number; controls: TopFailingControl[] }> {
  const { clusters } = await listScopedClusters({ orgId, filters });
  const latest = await latestSnapshotIds({ orgId, clusters });
  const counts = await aggregateControlCounts({ orgId, snapshotIds: [...latest.values()] });
  const members = frameworkMembers(framework);
  const controls: TopFailingControl[] = [];
  for (const [controlId, c] of counts) {
    if (!members.has(controlId) || c.clusters.failed === 0) continue;
    const facts = controlFacts(controlId);
    const total = c.passed + c.failed + c.excepted;
    controls.push({
      controlId,
      name: facts.name,
      severity: facts.severity,
      ref: members.get(controlId) ?? null,
      clustersFailing: c.clusters.failed,
      clustersEvaluated: c.clusters.failed + c.clusters.passed + c.clusters.excepted,
      failedResources: c.failed,
      passRate: total ? Math.round(((c.passed + c.excepted) / total) * 1000) / 10 : null,
    });
  }
  controls.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.clustersFailing - a.clustersFailing || b.failedResources - a.failedResources || a.controlId.localeCompare(b.controlId),
  );
  return { framework, clusters: latest.size, controls: controls.slice(0, limit) };
}
