import type { Severity } from "@/lib/engine/types";
import type { StatePoint } from "./load-cluster-objects";
import { loadFleetRbac, type FleetCluster, type FleetRbac } from "./load-fleet-rbac";

export type FleetRbacClusterRow = FleetCluster & {
  /** null = no RBAC data yet (no evaluated snapshot). */
  snapshot: StatePoint | null;
  subjects: number;
  riskyGrants: Record<Severity, number>;
  attackPaths: Record<Severity, number>;
  missingObjects: number;
};

export type FleetRbacOverview = { clusters: FleetRbacClusterRow[]; clustersWithData: number; errors: FleetRbac["errors"] };

const zero = (): Record<Severity, number> => ({ critical: 0, high: 0, medium: 0, low: 0 });

/** Per cluster: whether RBAC data exists, risky grants and attack paths by severity. */
export async function getFleetRbacOverview({ orgId }: { orgId: string }): Promise<FleetRbacOverview> {
  const fleet = await loadFleetRbac({ orgId });
  const byId = new Map(fleet.analysed.map((a) => [a.cluster.id, a.rbac]));
  const clusters = fleet.clusters.map((cluster): FleetRbacClusterRow => {
    const rbac = byId.get(cluster.id);
    const riskyGrants = zero();
    const attackPaths = zero();
    if (rbac) {
      for (const row of rbac.findings.riskyGrants) riskyGrants[row.severity]++;
      Object.assign(attackPaths, rbac.findings.attackPaths);
    }
    return {
      ...cluster,
      snapshot: rbac?.snapshot ?? null,
      subjects: rbac?.findings.subjects.length ?? 0,
      riskyGrants,
      attackPaths,
      missingObjects: rbac?.missingBodies ?? 0,
    };
  });
  return { clusters, clustersWithData: fleet.analysed.length, errors: fleet.errors };
}
