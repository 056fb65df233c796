import { prisma } from "@/lib/db/client";
import { labelsFromJson } from "@/lib/server/clusters/cluster-labels";
import { clusterStatus, type ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { parseLabelFilter, type FleetFilters } from "./fleet-filters";

export type ScopedCluster = {
  id: string;
  name: string;
  provider: string;
  environment: string;
  region: string | null;
  kubernetesVersion: string | null;
  agentVersion: string | null;
  labels: Record<string, string>;
  lastSeenAt: Date | null;
  status: ClusterStatus;
  /** The newest evaluated snapshot (set by the pipeline); null until the first evaluation. */
  latestSnapshotId: string | null;
  latestEvaluatedAt: Date | null;
};

export type FleetScope = {
  clusters: ScopedCluster[];
  /** Values present in the whole organization, for the filter controls. */
  options: { providers: string[]; environments: string[]; labels: string[] };
};

function matches(c: ScopedCluster, filters: FleetFilters): boolean {
  if (filters.provider?.length && !filters.provider.includes(c.provider)) return false;
  if (filters.environment?.length && !filters.environment.includes(c.environment)) return false;
  const label = parseLabelFilter(filters.label);
  if (label && (!(label.key in c.labels) || (label.value !== null && c.labels[label.key] !== label.value))) return false;
  return true;
}

/** The organization's clusters that pass the fleet filters, by name, and the filter values on offer. */
export async function listScopedClusters({ orgId, filters = {}, now = new Date() }: { orgId: string; filters?: FleetFilters; now?: Date }): Promise<FleetScope> {
  const rows = await prisma.cluster.findMany({
    where: { orgId },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true, provider: true, environment: true, region: true, kubernetesVersion: true, agentVersion: true,
      labels: true, lastSeenAt: true, latestSnapshotId: true, latestEvaluatedAt: true,
    },
  });
  const all: ScopedCluster[] = rows.map((r) => ({ ...r, labels: labelsFromJson(r.labels), status: clusterStatus(r.lastSeenAt, now) }));
  const labels = new Set<string>();
  for (const c of all) for (const [k, v] of Object.entries(c.labels)) labels.add(`${k}=${v}`);
  return {
    clusters: all.filter((c) => matches(c, filters)),
    options: {
      providers: [...new Set(all.map((c) => c.provider))].sort(),
      environments: [...new Set(all.map((c) => c.environment))].sort(),
      labels: [...labels].sort(),
    },
  };
}
