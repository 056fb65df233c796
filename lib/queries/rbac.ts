"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { AttackPathList } from "@/lib/server/rbac/list-attack-paths";
import type { FleetRbacDrift } from "@/lib/server/rbac/get-fleet-rbac-drift";
import type { FleetRbacOverview } from "@/lib/server/rbac/get-fleet-rbac-overview";
import type { FleetSubjects } from "@/lib/server/rbac/list-fleet-subjects";
import type { RbacDrift } from "@/lib/server/rbac/get-rbac-drift";
import type { RbacGraph } from "@/lib/server/rbac/get-rbac-graph";
import type { RbacSummary } from "@/lib/server/rbac/get-rbac-summary";
import type { RiskyGrantList } from "@/lib/server/rbac/list-risky-grants";
import type { RbacSearchResult } from "@/lib/server/rbac/search-rbac-nodes";
import type { SubjectPermissions } from "@/lib/server/rbac/get-subject-permissions";
import type { TWhoCanQuery } from "@/lib/server/rbac/rbac-request-schemas";
import type { WhoCanAnswer } from "@/lib/server/rbac/run-who-can";

export type RbacSummaryData = Jsonified<RbacSummary>;
export type RiskyGrantListData = Jsonified<RiskyGrantList>;
export type RiskyGrantRowData = RiskyGrantListData["grants"][number];
export type AttackPathListData = Jsonified<AttackPathList>;
export type AttackPathData = AttackPathListData["paths"][number];
export type RbacGraphData = Jsonified<RbacGraph>;
export type GraphNodeData = RbacGraphData["nodes"][number];
export type GraphEdgeData = RbacGraphData["edges"][number];
export type WhoCanAnswerData = Jsonified<WhoCanAnswer>;
export type SubjectPermissionsData = Jsonified<SubjectPermissions>;
export type RbacDriftData = Jsonified<RbacDrift>;
export type FleetRbacOverviewData = Jsonified<FleetRbacOverview>;
export type FleetSubjectsData = Jsonified<FleetSubjects>;
export type FleetRbacDriftData = Jsonified<FleetRbacDrift>;
export type GrantPathData = RiskyGrantRowData["grants"][number];

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/rbac`;
const clusterBase = (slug: string, clusterId: string) => `${base(slug)}/clusters/${encodeURIComponent(clusterId)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : "";
}

// RBAC answers change only when a new snapshot is evaluated; no need to refetch on every focus.
const STALE_MS = 60_000;

export function useRbacFleetOverview(slug: string) {
  return useQuery({
    queryKey: keys.org(slug).rbacFleet("overview"),
    queryFn: ({ signal }) => apiFetch<FleetRbacOverviewData>(`${base(slug)}/fleet`, { signal }),
    staleTime: STALE_MS,
  });
}

export function useFleetSubjects(slug: string, params: { q?: string; kind?: string; minSeverity?: string }) {
  return useQuery({
    queryKey: keys.org(slug).rbacFleet("subjects", params),
    queryFn: ({ signal }) => apiFetch<FleetSubjectsData>(`${base(slug)}/fleet/subjects${query(params)}`, { signal }),
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
  });
}

export function useFleetRbacDrift(slug: string, since: string) {
  return useQuery({
    queryKey: keys.org(slug).rbacFleet("drift", { since }),
    queryFn: ({ signal }) => apiFetch<FleetRbacDriftData>(`${base(slug)}/fleet/drift${query({ since })}`, { signal }),
    staleTime: STALE_MS,
  });
}

export function useRbacSummary(slug: string, clusterId: string) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "summary"),
    queryFn: ({ signal }) => apiFetch<RbacSummaryData>(clusterBase(slug, clusterId), { signal }),
    staleTime: STALE_MS,
  });
}

export function useRiskyGrants(slug: string, clusterId: string, params: { minSeverity?: string; q?: string; ruleId?: string } = {}) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "risky-grants", params),
    queryFn: ({ signal }) => apiFetch<RiskyGrantListData>(`${clusterBase(slug, clusterId)}/risky-grants${query(params)}`, { signal }),
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
  });
}

export function useAttackPaths(slug: string, clusterId: string) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "attack-paths"),
    queryFn: ({ signal }) => apiFetch<AttackPathListData>(`${clusterBase(slug, clusterId)}/attack-paths`, { signal }),
    staleTime: STALE_MS,
  });
}

export type GraphRequest = { focus?: string; depth?: number; maxNodes?: number; maxNeighbors?: number };

export function graphQueryOptions(slug: string, clusterId: string, params: GraphRequest) {
  return {
    queryKey: keys.org(slug).rbacCluster(clusterId, "graph", params),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<RbacGraphData>(`${clusterBase(slug, clusterId)}/graph${query(params)}`, { signal }),
    staleTime: STALE_MS,
  };
}

export function useRbacGraph(slug: string, clusterId: string, params: GraphRequest) {
  return useQuery(graphQueryOptions(slug, clusterId, params));
}

export type RbacSearchResultData = Jsonified<RbacSearchResult>;

export function useRbacSearch(slug: string, clusterId: string, q: string) {
  return useQuery<RbacSearchResultData[]>({
    queryKey: keys.org(slug).rbacCluster(clusterId, "search", { q }),
    queryFn: ({ signal }) => apiFetch<{ results: RbacSearchResultData[] }>(`${clusterBase(slug, clusterId)}/search${query({ q })}`, { signal }).then((r) => r.results),
    staleTime: STALE_MS,
    placeholderData: (previous) => previous,
  });
}

/** who-can is a POST (the question is a JSON body) but a read: cached per question like any query. */
export function useWhoCan(slug: string, clusterId: string, question: TWhoCanQuery | null) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "who-can", question ?? {}),
    queryFn: ({ signal }) => apiFetch<WhoCanAnswerData>(`${clusterBase(slug, clusterId)}/who-can`, { method: "POST", body: question, signal }),
    enabled: question !== null,
    staleTime: STALE_MS,
    retry: false,
  });
}

export function useSubjectPermissions(slug: string, clusterId: string, subjectKey: string | null) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "subject", { subjectKey }),
    // The key is one path segment: user and group names may contain "/".
    queryFn: ({ signal }) => apiFetch<SubjectPermissionsData>(`${clusterBase(slug, clusterId)}/subjects/${encodeURIComponent(subjectKey!)}`, { signal }),
    enabled: !!subjectKey,
    staleTime: STALE_MS,
  });
}

export function useRbacDrift(slug: string, clusterId: string, since: string) {
  return useQuery({
    queryKey: keys.org(slug).rbacCluster(clusterId, "drift", { since }),
    queryFn: ({ signal }) => apiFetch<RbacDriftData>(`${clusterBase(slug, clusterId)}/drift${query({ since })}`, { signal }),
    staleTime: STALE_MS,
  });
}
