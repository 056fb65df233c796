import type { RiskyGrantRow } from "./cluster-rbac-analysis";
import { getRbacDrift } from "./get-rbac-drift";
import { loadFleetRbac, type FleetRbac } from "./load-fleet-rbac";
import { parseSince } from "./parse-since";
import { severityRank } from "./risky-grant-catalogue";

export type FleetDriftRow = RiskyGrantRow & { change: "new" | "widened"; clusterId: string; clusterName: string };

export type FleetRbacDrift = {
  since: Date;
  grants: FleetDriftRow[];
  resolved: number;
  /** Per cluster: what was compared (a cluster younger than `since` compares with its first snapshot). */
  clusters: { clusterId: string; clusterName: string; baselineAt: Date | null; baselineIsFirstSnapshot: boolean; newCount: number; resolvedCount: number }[];
  errors: FleetRbac["errors"];
};

/** New and widened risky grants in every cluster since `since` (default a week), worst first. */
export async function getFleetRbacDrift({ orgId, since, now = new Date() }: { orgId: string; since?: string; now?: Date }): Promise<FleetRbacDrift> {
  const sinceAt = parseSince(since, now);
  const fleet = await loadFleetRbac({ orgId });
  const result: FleetRbacDrift = { since: sinceAt, grants: [], resolved: 0, clusters: [], errors: [...fleet.errors] };
  for (const { cluster } of fleet.analysed) {
    try {
      const drift = await getRbacDrift({ orgId, clusterId: cluster.id, since: sinceAt.toISOString(), now });
      const base = { clusterId: cluster.id, clusterName: cluster.name };
      result.grants.push(
        ...drift.newRiskyGrants.map((r) => ({ ...r, ...base, change: "new" as const })),
        ...drift.widenedRiskyGrants.map((r) => ({ ...r, ...base, change: "widened" as const })),
      );
      result.resolved += drift.resolvedRiskyGrants.length;
      result.clusters.push({
        ...base,
        baselineAt: drift.baseline?.collectedAt ?? null,
        baselineIsFirstSnapshot: drift.baselineIsFirstSnapshot,
        newCount: drift.newRiskyGrants.length + drift.widenedRiskyGrants.length,
        resolvedCount: drift.resolvedRiskyGrants.length,
      });
    } catch (error) {
      console.error(`[rbac] fleet drift: cluster ${cluster.id} failed:`, error);
      result.errors.push({ clusterId: cluster.id, clusterName: cluster.name, message: "Its RBAC history could not be compared; the error was logged." });
    }
  }
  result.grants.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.clusterName.localeCompare(b.clusterName) || a.id.localeCompare(b.id));
  return result;
}
