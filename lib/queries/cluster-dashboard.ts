"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { queryString, type ViewParams } from "@/lib/queries/dashboard";
import { keys } from "@/lib/queries/keys";
import type { AgentHealth } from "@/lib/server/dashboard/get-agent-health";
import type { ClusterControls } from "@/lib/server/dashboard/get-cluster-controls";
import type { ClusterObjectDetail } from "@/lib/server/dashboard/get-cluster-object";
import type { ClusterResources } from "@/lib/server/dashboard/list-cluster-resources";
import type { ClusterDrift } from "@/lib/server/drift/get-cluster-drift";
import type { ClusterHistory } from "@/lib/server/history/get-cluster-history";
import type { ClusterVulnerabilities } from "@/lib/server/imports/get-cluster-vulnerabilities";

const cluster = (slug: string, clusterId: string) => `/api/orgs/${encodeURIComponent(slug)}/clusters/${encodeURIComponent(clusterId)}`;
const dashboard = (slug: string, clusterId: string) => `/api/orgs/${encodeURIComponent(slug)}/dashboard/clusters/${encodeURIComponent(clusterId)}`;
const REFRESH_MS = 60_000;

export type ClusterHistoryData = Jsonified<ClusterHistory>;
export type ClusterDriftData = Jsonified<ClusterDrift>;
export type ClusterControlsData = Jsonified<ClusterControls>;
export type ClusterResourcesData = Jsonified<ClusterResources>;
export type ClusterObjectData = Jsonified<ClusterObjectDetail>;
export type AgentHealthData = Jsonified<AgentHealth>;

const clean = (p: ViewParams) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== null && v !== ""));

/** The drift and history APIs (issue 5): daily trend, recent snapshots, finding intervals. */
export function useClusterHistory(slug: string, clusterId: string, days: number) {
  return useQuery<ClusterHistoryData>({
    queryKey: keys.org(slug).clusterView(clusterId, "history", { days }),
    queryFn: ({ signal }) => apiFetch<{ history: ClusterHistoryData }>(`${cluster(slug, clusterId)}/history?days=${days}`, { signal }).then((r) => r.history),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useClusterDrift(slug: string, clusterId: string, params: { from?: string; to?: string }, enabled = true) {
  return useQuery<ClusterDriftData>({
    queryKey: keys.org(slug).clusterView(clusterId, "drift", clean(params)),
    queryFn: ({ signal }) => apiFetch<{ drift: ClusterDriftData }>(`${cluster(slug, clusterId)}/drift${queryString(params)}`, { signal }).then((r) => r.drift),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useClusterControls(slug: string, clusterId: string, framework: string) {
  return useQuery<ClusterControlsData>({
    queryKey: keys.org(slug).clusterView(clusterId, "controls", { framework }),
    queryFn: ({ signal }) => apiFetch<ClusterControlsData>(`${dashboard(slug, clusterId)}/controls${queryString({ framework })}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useClusterResources(slug: string, clusterId: string, params: ViewParams) {
  return useQuery<ClusterResourcesData>({
    queryKey: keys.org(slug).clusterView(clusterId, "resources", clean(params)),
    queryFn: ({ signal }) => apiFetch<ClusterResourcesData>(`${dashboard(slug, clusterId)}/resources${queryString(params)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useClusterObject(slug: string, clusterId: string, key: string | undefined) {
  return useQuery<ClusterObjectData | null>({
    queryKey: keys.org(slug).clusterView(clusterId, "object", { key }),
    queryFn: ({ signal }) => apiFetch<{ object: ClusterObjectData | null }>(`${dashboard(slug, clusterId)}/object${queryString({ key })}`, { signal }).then((r) => r.object),
    enabled: !!key,
  });
}

export function useAgentHealth(slug: string, clusterId: string) {
  return useQuery<AgentHealthData>({
    queryKey: keys.org(slug).clusterView(clusterId, "agent"),
    queryFn: ({ signal }) => apiFetch<{ agent: AgentHealthData }>(`${dashboard(slug, clusterId)}/agent`, { signal }).then((r) => r.agent),
    refetchInterval: REFRESH_MS,
  });
}

export type ClusterVulnerabilitiesData = Jsonified<ClusterVulnerabilities>;

/** Imported image vulnerabilities joined to the cluster's current workloads (the imports API). */
export function useClusterVulnerabilities(slug: string, clusterId: string) {
  return useQuery<ClusterVulnerabilitiesData>({
    queryKey: keys.org(slug).clusterView(clusterId, "vulnerabilities"),
    queryFn: ({ signal }) => apiFetch<{ vulnerabilities: ClusterVulnerabilitiesData }>(`${cluster(slug, clusterId)}/vulnerabilities?vulnerabilityLimit=50`, { signal }).then((r) => r.vulnerabilities),
  });
}
