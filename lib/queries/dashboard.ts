"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type Jsonified } from "@/lib/queries/api-client";
import { keys } from "@/lib/queries/keys";
import type { ControlDetail } from "@/lib/server/dashboard/get-control-detail";
import type { ControlHistoryPoint } from "@/lib/server/dashboard/get-control-history";
import type { DashboardOverview } from "@/lib/server/dashboard/get-dashboard-overview";
import type { FleetTrend } from "@/lib/server/dashboard/get-fleet-trend";
import type { ControlCatalog } from "@/lib/server/dashboard/list-control-catalog";
import type { ControlEvidence } from "@/lib/server/dashboard/list-control-evidence";
import type { DashboardRegression } from "@/lib/server/dashboard/list-fleet-regressions";
import type { TopFailingControl } from "@/lib/server/dashboard/list-top-failing-controls";
import type { ComplianceReport } from "@/lib/server/reports/build-compliance-report";

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;
const REFRESH_MS = 60_000;

/** Query-string parameters of a dashboard view (empty values are left out). */
export type ViewParams = Record<string, string | number | undefined | null>;

export function queryString(params: ViewParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
}

function clean(params: ViewParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [k, String(v)]));
}

export type DashboardOverviewData = Jsonified<DashboardOverview>;
export type FleetTrendData = Jsonified<FleetTrend>;
export type TopFailingControlsData = { framework: string; clusters: number; controls: TopFailingControl[] };
export type RegressionsData = Jsonified<{ days: number; total: number; regressions: DashboardRegression[] }>;
export type ControlCatalogData = Jsonified<ControlCatalog>;
export type ControlDetailData = Jsonified<ControlDetail>;
export type ControlEvidenceData = Jsonified<ControlEvidence>;
export type ControlHistoryData = { controlId: string; days: number; points: ControlHistoryPoint[] };

export function useDashboardOverview(slug: string, params: ViewParams) {
  return useQuery<DashboardOverviewData>({
    queryKey: keys.org(slug).dashboard("overview", clean(params)),
    queryFn: ({ signal }) => apiFetch<DashboardOverviewData>(`${base(slug)}/dashboard/overview${queryString(params)}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useFleetTrend(slug: string, params: ViewParams) {
  return useQuery<FleetTrendData>({
    queryKey: keys.org(slug).dashboard("trend", clean(params)),
    queryFn: ({ signal }) => apiFetch<{ trend: FleetTrendData }>(`${base(slug)}/dashboard/trend${queryString(params)}`, { signal }).then((r) => r.trend),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useTopFailingControls(slug: string, params: ViewParams) {
  return useQuery<TopFailingControlsData>({
    queryKey: keys.org(slug).dashboard("top-controls", clean(params)),
    queryFn: ({ signal }) => apiFetch<TopFailingControlsData>(`${base(slug)}/dashboard/top-controls${queryString(params)}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useFleetRegressions(slug: string, params: ViewParams) {
  return useQuery<RegressionsData>({
    queryKey: keys.org(slug).dashboard("regressions", clean(params)),
    queryFn: ({ signal }) => apiFetch<RegressionsData>(`${base(slug)}/dashboard/regressions${queryString(params)}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useControlCatalog(slug: string, params: ViewParams) {
  return useQuery<ControlCatalogData>({
    queryKey: keys.org(slug).controls(clean(params)),
    queryFn: ({ signal }) => apiFetch<ControlCatalogData>(`${base(slug)}/controls${queryString(params)}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useControlDetail(slug: string, controlId: string, params: ViewParams) {
  return useQuery<ControlDetailData>({
    queryKey: keys.org(slug).control(controlId, "detail", clean(params)),
    queryFn: ({ signal }) => apiFetch<ControlDetailData>(`${base(slug)}/controls/${encodeURIComponent(controlId)}${queryString(params)}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useControlHistory(slug: string, controlId: string, params: ViewParams) {
  return useQuery<ControlHistoryData>({
    queryKey: keys.org(slug).control(controlId, "history", clean(params)),
    queryFn: ({ signal }) =>
      apiFetch<{ history: ControlHistoryData }>(`${base(slug)}/controls/${encodeURIComponent(controlId)}/history${queryString(params)}`, { signal }).then(
        (r) => r.history,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useControlEvidence(slug: string, controlId: string, enabled = true) {
  return useQuery<ControlEvidenceData>({
    queryKey: keys.org(slug).control(controlId, "evidence"),
    queryFn: ({ signal }) => apiFetch<ControlEvidenceData>(`${base(slug)}/controls/${encodeURIComponent(controlId)}/evidence`, { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Re-fetches everything scores feed into, now and a few times while the worker re-scores. */
export function useRefreshAfterRescore(slug: string) {
  const qc = useQueryClient();
  return () => {
    const refresh = () => {
      const root = keys.org(slug);
      for (const key of [root.dashboard("overview").slice(0, 3), root.controls().slice(0, 3), ["org", slug, "controls"], root.clusters(), root.exceptions(), root.overview(), ["org", slug, "reports"]]) {
        qc.invalidateQueries({ queryKey: key });
      }
    };
    refresh();
    for (const ms of [2_000, 5_000, 10_000, 20_000]) setTimeout(refresh, ms);
  };
}

export type ComplianceReportData = Jsonified<ComplianceReport>;

/** The compliance report's JSON, for the reports page preview (downloads use the same route's other formats). */
export function useComplianceReport(slug: string, params: ViewParams) {
  return useQuery<ComplianceReportData>({
    queryKey: keys.org(slug).reports(clean(params)),
    queryFn: ({ signal }) => apiFetch<{ report: ComplianceReportData }>(`${base(slug)}/reports/compliance${queryString(params)}`, { signal }).then((r) => r.report),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** URL of a report download in another format (a plain link: the session cookie goes along). */
export function reportUrl(slug: string, params: ViewParams & { format: "csv" | "json" | "html" | "pdf"; part?: string; download?: "1" | "0" }): string {
  return `${base(slug)}/reports/compliance${queryString(params)}`;
}
