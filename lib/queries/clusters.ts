"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { ClusterSummary } from "@/lib/server/clusters/list-clusters";
import type { ClusterDetail } from "@/lib/server/clusters/get-cluster";
import type { FleetOverview } from "@/lib/server/clusters/get-fleet-overview";
import type { RegisteredCluster } from "@/lib/server/clusters/register-cluster";
import type { InstallCommands } from "@/lib/server/tokens/build-install-commands";
import type { TRegisterCluster } from "@/lib/zod/clusters";

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;

export type ClusterRow = Jsonified<ClusterSummary>;
export type FleetOverviewData = Jsonified<FleetOverview>;
export type ClusterDetailData = Jsonified<ClusterDetail>;

// Posture data changes when an agent pushes; a minute-level refresh keeps "last seen" honest.
const REFRESH_MS = 60_000;

export function useFleetOverview(slug: string) {
  return useQuery({
    queryKey: keys.org(slug).overview(),
    queryFn: ({ signal }) => apiFetch<FleetOverviewData>(`${base(slug)}/overview`, { signal }),
    refetchInterval: REFRESH_MS,
  });
}

export function useClusters(slug: string) {
  return useQuery({
    queryKey: keys.org(slug).clusters(),
    queryFn: ({ signal }) => apiFetch<{ clusters: ClusterRow[] }>(`${base(slug)}/clusters`, { signal }).then((r) => r.clusters),
    refetchInterval: REFRESH_MS,
  });
}

export function useCluster(slug: string, clusterId: string) {
  return useQuery({
    queryKey: keys.org(slug).cluster(clusterId),
    queryFn: ({ signal }) => apiFetch<{ cluster: ClusterDetailData }>(`${base(slug)}/clusters/${encodeURIComponent(clusterId)}`, { signal }).then((r) => r.cluster),
    refetchInterval: REFRESH_MS,
  });
}

export type RegisterClusterResult = Jsonified<RegisteredCluster> & { installCommands: InstallCommands };

export function useRegisterCluster(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TRegisterCluster) => apiFetch<RegisterClusterResult>(`${base(slug)}/clusters`, { method: "POST", body: input }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.org(slug).clusters() });
      qc.invalidateQueries({ queryKey: keys.org(slug).overview() });
      qc.invalidateQueries({ queryKey: keys.org(slug).tokens() });
      qc.invalidateQueries({ queryKey: keys.org(slug).auditEvents() });
    },
  });
}
