"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { providerLabel } from "@/components/clusters/provider-label";
import { FleetFilterBar, SegmentedControl } from "@/components/dashboard/fleet-filter-bar";
import { ResourceName } from "@/components/dashboard/resource-name";
import { ScoreDelta } from "@/components/dashboard/score-delta";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { ScoreCell } from "@/components/ui/score";
import { Stat } from "@/components/ui/stat";
import { EmptyState, ErrorState, InlineAlert, Skeleton, TableSkeleton } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useDashboardOverview, useFleetRegressions, useFleetTrend, useTopFailingControls, type DashboardOverviewData } from "@/lib/queries/dashboard";

type Row = DashboardOverviewData["clusters"][number];

// The chart library is the largest part of the page's JavaScript: loaded on its own, it does not
// hold back the first render of the numbers.
const FleetTrendChart = dynamic(() => import("@/components/charts/fleet-trend-chart").then((m) => m.FleetTrendChart), {
  ssr: false,
  loading: () => <Skeleton className="mx-2 h-[220px]" />,
});
type Days = "7" | "30" | "90";

export function OverviewClient({ orgName }: { orgName: string }) {
  const org = useOrg();
  const [params, setParams] = useUrlParams<"framework" | "days" | "provider" | "environment" | "label">({ framework: "all", days: "30" });
  const filters = { provider: params.provider, environment: params.environment, label: params.label };
  const framework = params.framework ?? "all";
  const days = (["7", "30", "90"].includes(params.days ?? "") ? params.days : "30") as Days;

  const overview = useDashboardOverview(org.slug, { framework, ...filters });
  const trend = useFleetTrend(org.slug, { framework, days, ...filters });
  const top = useTopFailingControls(org.slug, { framework, limit: 8, ...filters });
  const regressions = useFleetRegressions(org.slug, { days: 7, limit: 6, ...filters });
  const data = overview.data;
  const selected = data?.frameworks.find((f) => f.id === framework);
  const clusterLink = (id: string) => `/o/${org.slug}/clusters/${id}${framework !== "all" ? `?framework=${encodeURIComponent(framework)}` : ""}`;

  const columns: Column<Row>[] = [
    {
      id: "name",
      label: "Cluster",
      value: (r) => r.name,
      render: (r) => (
        <div>
          <Link href={clusterLink(r.id)} className="font-medium text-zinc-900 hover:text-brand-700">
            {r.name}
          </Link>
          <div className="mt-0.5">
            <Badge tone={r.environment === "production" ? "violet" : "neutral"}>{r.environment}</Badge>
          </div>
        </div>
      ),
    },
    {
      id: "provider",
      label: "Provider · region",
      value: (r) => `${providerLabel(r.provider)}${r.region ? ` · ${r.region}` : ""}`,
      render: (r) => (
        <div className="text-xs">
          <div className="text-zinc-800">{providerLabel(r.provider)}</div>
          <div className="text-zinc-500">{r.region ?? "—"}</div>
        </div>
      ),
    },
    { id: "environment", label: "Environment", value: (r) => r.environment, render: () => null, className: "hidden" },
    { id: "version", label: "Version", value: (r) => r.kubernetesVersion, render: (r) => (r.kubernetesVersion ? <span className="font-mono text-xs">{r.kubernetesVersion.split(/[-+]/)[0]}</span> : <span className="text-zinc-400">—</span>) },
    {
      id: "agent",
      label: "Agent",
      value: (r) => r.lastSeenAt ?? "",
      render: (r) => (
        <div>
          <div className="flex items-center gap-1">
            <ClusterStatusBadge status={r.status} />
            {r.collectionErrors > 0 && (
              <Badge tone="amber" title="The latest snapshot could not collect some resource types">
                partial
              </Badge>
            )}
          </div>
          <div className={`mt-0.5 text-xs ${r.status === "stale" ? "text-amber-800" : "text-zinc-500"}`}>
            seen <RelativeTime value={r.lastSeenAt} fallback="never" />
          </div>
        </div>
      ),
    },
    { id: "score", label: `Score (${data?.framework.shortName ?? "…"})`, align: "right", value: (r) => r.score, render: (r) => <ScoreCell score={r.score} className="justify-end" /> },
    {
      id: "critical",
      label: "Crit. / high failed",
      align: "right",
      value: (r) => (r.failedControls ? r.failedControls.critical * 1000 + r.failedControls.high : null),
      render: (r) =>
        r.failedControls ? (
          <span className="tabular-nums" title={`${r.failedControls.critical} critical and ${r.failedControls.high} high-severity controls fail`}>
            <span className={r.failedControls.critical ? "font-medium text-red-700" : "text-zinc-500"}>{r.failedControls.critical}</span>
            <span className="text-zinc-300"> / </span>
            <span className={r.failedControls.high ? "font-medium text-orange-700" : "text-zinc-500"}>{r.failedControls.high}</span>
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    },
    { id: "delta", label: "7-day Δ", align: "right", value: (r) => r.delta, render: (r) => <ScoreDelta delta={r.delta} /> },
  ];

  return (
    <div>
      <PageHeader
        title="Overview"
        description={`Security posture of ${orgName}'s clusters, from each cluster's latest evaluation.`}
        actions={
          <Select aria-label="Framework" value={framework} onChange={(e) => setParams({ framework: e.target.value })} className="w-64">
            {(data?.frameworks ?? [{ id: framework, name: framework }]).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        }
      />
      <div className="mb-4">
        <FleetFilterBar options={data?.options} values={filters} onChange={(c) => setParams(c)} />
      </div>
      {overview.isError ? (
        <Card>
          <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
        </Card>
      ) : (
        <div className="space-y-5">
          {data && (data.statusCounts.stale > 0 || data.partialClusters > 0) && (
            <InlineAlert tone="amber">
              {data.statusCounts.stale > 0 && (
                <>
                  {data.statusCounts.stale} cluster{data.statusCounts.stale === 1 ? " has" : "s have"} not reported for over an hour; {data.statusCounts.stale === 1 ? "its" : "their"} scores are from the last report.{" "}
                </>
              )}
              {data.partialClusters > 0 && (
                <>
                  {data.partialClusters} cluster{data.partialClusters === 1 ? "'s" : "s'"} latest snapshot is partial (resource types the agent could not collect); controls that need them are skipped, not counted.
                </>
              )}
            </InlineAlert>
          )}
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {data ? (
              <>
                <Stat
                  label={`${data.framework.shortName} score (fleet)`}
                  value={
                    <span className="flex items-baseline gap-2" data-testid="org-score">
                      {selected?.score != null ? `${selected.score.toFixed(1)}%` : "—"}
                      <ScoreDelta delta={selected?.delta} />
                    </span>
                  }
                  hint={`mean of ${selected?.clustersScored ?? 0} cluster${selected?.clustersScored === 1 ? "" : "s"}; Δ over 7 days`}
                />
                <Stat label="Clusters" value={data.clusterCount} testId="stat-clusters" hint={`${data.statusCounts.active} reporting · ${data.evaluatedClusters} evaluated`} />
                <Stat
                  label="Stale agents"
                  value={data.statusCounts.stale}
                  tone={data.statusCounts.stale ? "amber" : undefined}
                  hint={data.statusCounts.never_seen ? `${data.statusCounts.never_seen} never reported` : "silent for over an hour"}
                />
                <Stat label="Last report" value={<RelativeTime value={data.lastSeenAt} fallback="never" />} hint="most recent agent push" />
              </>
            ) : (
              Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-[74px]" />)
            )}
          </div>

          <Card>
            <CardHeader title="Frameworks" description="Mean compliance score of the filtered clusters' latest evaluations; Δ is the change over 7 days. Select one to drive the page." />
            {data ? (
              <div className="grid grid-cols-2 gap-px bg-zinc-100 sm:grid-cols-3 lg:grid-cols-5">
                {data.frameworks.map((f) => (
                  <button
                    key={f.id}
                    type="button"
                    aria-pressed={f.id === framework}
                    onClick={() => setParams({ framework: f.id })}
                    className={`bg-white px-4 py-3 text-left hover:bg-zinc-50 focus-visible:relative focus-visible:outline-2 focus-visible:outline-brand-500 ${f.id === framework ? "ring-2 ring-inset ring-brand-500" : ""}`}
                    data-testid={`framework-${f.id}`}
                  >
                    <div className="truncate text-xs text-zinc-500" title={f.name}>
                      {f.shortName}
                    </div>
                    <div className="mt-1 flex items-center justify-between gap-2">
                      <ScoreCell score={f.score} />
                      <ScoreDelta delta={f.delta} />
                    </div>
                  </button>
                ))}
              </div>
            ) : (
              <Skeleton className="m-4 h-20" />
            )}
          </Card>

          <Card>
            <CardHeader
              title={`${data?.framework.shortName ?? ""} score over time`}
              description="Each day, the mean over the filtered clusters of their latest score up to that day (a quiet cluster keeps its last known score)."
              actions={
                <SegmentedControl
                  label="Period"
                  value={days}
                  onChange={(d) => setParams({ days: d })}
                  options={[
                    { value: "7", label: "7 days" },
                    { value: "30", label: "30 days" },
                    { value: "90", label: "90 days" },
                  ]}
                />
              }
            />
            <div className="px-2 py-3" data-testid="fleet-trend">
              {trend.isError ? (
                <ErrorState error={trend.error} onRetry={() => trend.refetch()} />
              ) : !trend.data ? (
                <Skeleton className="mx-2 h-[220px]" />
              ) : trend.data.points.every((p) => p.score === null) ? (
                <EmptyState title="No history yet" description="The trend fills in as agents report (one point per day)." />
              ) : (
                <FleetTrendChart points={trend.data.points} name={`${data?.framework.shortName ?? framework} score`} />
              )}
            </div>
          </Card>

          <div className="grid gap-5 lg:grid-cols-2">
            <Card>
              <CardHeader
                title="Top failing controls"
                description={`${framework === "all" ? "Controls" : `${data?.framework.shortName ?? ""} controls`} failing in the most clusters, worst severity first.`}
                actions={
                  <Link href={`/o/${org.slug}/controls?status=failing${framework !== "all" ? `&framework=${framework}` : ""}`} className="text-xs font-medium text-brand-700 hover:underline">
                    All controls →
                  </Link>
                }
              />
              {top.isError ? (
                <ErrorState error={top.error} onRetry={() => top.refetch()} />
              ) : !top.data ? (
                <TableSkeleton rows={5} columns={3} />
              ) : top.data.controls.length === 0 ? (
                <EmptyState title="Nothing failing" description={top.data.clusters ? "No control of this framework fails in the filtered clusters." : "No cluster has been evaluated yet."} />
              ) : (
                <ol className="divide-y divide-zinc-100" data-testid="top-failing-controls">
                  {top.data.controls.map((c) => (
                    <li key={c.controlId} className="flex items-center gap-3 px-4 py-2">
                      <SeverityBadge severity={c.severity} className="w-[4.8rem] justify-center" />
                      <div className="min-w-0 flex-1">
                        <Link href={`/o/${org.slug}/controls/${c.controlId}`} className="block truncate text-sm font-medium text-zinc-900 hover:text-brand-700">
                          {c.name}
                        </Link>
                        <div className="text-xs text-zinc-500">
                          <span className="font-mono">{c.controlId}</span>
                          {c.ref && <> · {c.ref}</>}
                        </div>
                      </div>
                      <div className="text-right text-xs text-zinc-600 tabular-nums">
                        <div>
                          <span className="font-medium text-zinc-900">{c.clustersFailing}</span>/{c.clustersEvaluated} clusters
                        </div>
                        <div>{c.failedResources} resources</div>
                      </div>
                    </li>
                  ))}
                </ol>
              )}
            </Card>

            <Card>
              <CardHeader
                title="What got worse this week"
                description={`${regressions.data ? `${regressions.data.total} cluster${regressions.data.total === 1 ? "" : "s"}` : "Clusters"} whose score fell or whose failing resources grew over 7 days, with the controls and objects behind it${regressions.data && regressions.data.total > regressions.data.regressions.length ? `; the worst ${regressions.data.regressions.length} shown` : ""}.`}
              />
              {regressions.isError ? (
                <ErrorState error={regressions.error} onRetry={() => regressions.refetch()} />
              ) : !regressions.data ? (
                <TableSkeleton rows={4} columns={2} />
              ) : regressions.data.regressions.length === 0 ? (
                <EmptyState title="Nothing got worse" description="No filtered cluster lost score or gained failing resources in the last 7 days." />
              ) : (
                <ul className="divide-y divide-zinc-100" data-testid="regressions">
                  {regressions.data.regressions.map((r) => {
                    const worst = r.frameworks.find((f) => f.id === framework) ?? r.frameworks[0];
                    return (
                      <li key={r.cluster.id} className="px-4 py-2.5">
                        <div className="flex items-center justify-between gap-3">
                          <Link href={`/o/${org.slug}/clusters/${r.cluster.id}?tab=drift`} className="text-sm font-medium text-zinc-900 hover:text-brand-700">
                            {r.cluster.name}
                          </Link>
                          <span className="flex items-center gap-2 text-xs text-zinc-500">
                            {worst && (
                              <span>
                                {worst.id === "all" ? "All controls" : worst.id} <ScoreDelta delta={worst.delta} />
                              </span>
                            )}
                            {r.failingResources.to !== r.failingResources.from && (
                              <span className="tabular-nums">
                                failing {r.failingResources.from} → {r.failingResources.to}
                              </span>
                            )}
                          </span>
                        </div>
                        {r.worsenedControls.length > 0 && (
                          <ul className="mt-1 space-y-0.5">
                            {r.worsenedControls.slice(0, 3).map((w) => {
                              const example = r.examples.find((e) => e.controlId === w.controlId);
                              return (
                                <li key={w.controlId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
                                  <SeverityBadge severity={w.severity} />
                                  <Link href={`/o/${org.slug}/controls/${w.controlId}`} className="text-zinc-800 hover:text-brand-700">
                                    {w.name}
                                  </Link>
                                  <span className="text-zinc-500 tabular-nums">
                                    {w.failedFrom} → {w.failedTo}
                                  </span>
                                  {example && (
                                    <span className="text-zinc-500">
                                      e.g. <ResourceName resourceKey={example.resourceKey} />
                                    </span>
                                  )}
                                </li>
                              );
                            })}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </Card>
          </div>

          <Card>
            <CardHeader
              title="Clusters"
              description={`Latest score (${data?.framework.shortName ?? "…"}) per cluster, its change over 7 days, and failed controls by severity.`}
              actions={
                <Link href={`/o/${org.slug}/clusters`} className="text-xs font-medium text-brand-700 hover:underline">
                  Manage clusters →
                </Link>
              }
            />
            {!data ? (
              <TableSkeleton rows={4} columns={8} />
            ) : (
              <DataTable
                columns={columns}
                rows={data.clusters}
                rowKey={(r) => r.id}
                rowTestId={(r) => `overview-cluster-${r.name}`}
                initialSort={{ id: "score", dir: "asc" }}
                csvFileName={`${org.slug}-fleet-${framework}.csv`}
                caption="Clusters with their latest scores"
                empty={
                  <EmptyState
                    title={data.options.providers.length ? "No cluster matches the filters" : "No clusters yet"}
                    description={
                      data.options.providers.length
                        ? "Clear the filters to see the whole fleet."
                        : can.manageClusters(org.role)
                          ? "Register a cluster to get an agent token and install command. Scores appear after its first snapshot."
                          : "An admin of this organization registers clusters. Scores appear after a cluster's first snapshot."
                    }
                    action={
                      !data.options.providers.length && can.manageClusters(org.role) ? (
                        <Link href={`/o/${org.slug}/clusters/new`} className={buttonClasses("primary")}>
                          Register a cluster
                        </Link>
                      ) : undefined
                    }
                  />
                }
              />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
