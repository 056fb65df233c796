"use client";

import Link from "next/link";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { providerLabel } from "@/components/clusters/provider-label";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { ScoreCell } from "@/components/ui/score";
import { Stat } from "@/components/ui/stat";
import { EmptyState, ErrorState, Skeleton, TableSkeleton } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useFleetOverview, type FleetOverviewData } from "@/lib/queries/clusters";

type Row = FleetOverviewData["clusters"][number];

// The overview table shows the first few frameworks; the full set lives on the cluster page.
const MAX_FRAMEWORK_COLUMNS = 3;

export function OverviewClient({ orgName }: { orgName: string }) {
  const org = useOrg();
  const overview = useFleetOverview(org.slug);
  const data = overview.data;

  const frameworks = (data?.frameworks ?? []).slice(0, MAX_FRAMEWORK_COLUMNS);
  const columns: Column<Row>[] = [
    {
      id: "name",
      label: "Cluster",
      value: (r) => r.name,
      render: (r) => (
        <Link href={`/o/${org.slug}/clusters/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700">
          {r.name}
        </Link>
      ),
    },
    { id: "provider", label: "Provider", value: (r) => providerLabel(r.provider) },
    { id: "status", label: "Agent", value: (r) => r.status, render: (r) => <ClusterStatusBadge status={r.status} /> },
    { id: "lastSnapshot", label: "Last snapshot", value: (r) => r.lastSnapshotAt ?? "", render: (r) => <RelativeTime value={r.lastSnapshotAt} fallback="none yet" /> },
    ...frameworks.map<Column<Row>>((f) => ({
      id: `fw-${f.id}`,
      label: f.shortName,
      value: (r) => r.scores[f.id] ?? null,
      render: (r) => <ScoreCell score={r.scores[f.id]} />,
    })),
    {
      id: "critical",
      label: "Failing crit. / high",
      align: "right",
      value: (r) => (r.failedBySeverity.critical ?? 0) * 1000 + (r.failedBySeverity.high ?? 0),
      render: (r) =>
        r.lastSnapshotAt ? (
          <span className="tabular-nums">
            <span className={r.failedBySeverity.critical ? "font-medium text-red-700" : "text-zinc-500"}>{r.failedBySeverity.critical ?? 0}</span>
            <span className="text-zinc-300"> / </span>
            <span className={r.failedBySeverity.high ? "font-medium text-amber-700" : "text-zinc-500"}>{r.failedBySeverity.high ?? 0}</span>
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    },
  ];

  return (
    <div>
      <PageHeader title="Overview" description={`Security posture of ${orgName}'s clusters, from each cluster's latest snapshot.`} />
      {overview.isError ? (
        <Card>
          <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
        </Card>
      ) : (
        <div className="space-y-5">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {data ? (
              <>
                <Stat label="Clusters" value={data.clusterCount} testId="stat-clusters" hint={`${data.statusCounts.active} reporting`} />
                <Stat
                  label="Stale agents"
                  value={data.statusCounts.stale}
                  tone={data.statusCounts.stale ? "amber" : undefined}
                  hint={data.statusCounts.never_seen ? `${data.statusCounts.never_seen} never reported` : "silent for over an hour"}
                />
                <Stat label="Last report" value={<RelativeTime value={data.lastSeenAt} fallback="never" />} hint="most recent agent push" />
                <Stat
                  label={frameworks[0] ? `${frameworks[0].shortName} compliance (fleet average)` : "Compliance"}
                  value={frameworks[0]?.averageScore != null ? `${frameworks[0].averageScore.toFixed(0)}%` : "—"}
                  hint={frameworks[0] ? `${frameworks[0].clustersScored} cluster${frameworks[0].clustersScored === 1 ? "" : "s"} scored` : "no snapshot scored yet"}
                />
              </>
            ) : (
              Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-[74px]" />)
            )}
          </div>

          {data && data.frameworks.length > 0 && (
            <Card>
              <CardHeader title="Frameworks" description="Mean compliance score over the clusters whose latest snapshot was scored against each framework." />
              <div className="grid grid-cols-2 gap-px bg-zinc-100 sm:grid-cols-3 lg:grid-cols-5">
                {data.frameworks.map((f) => (
                  <div key={f.id} className="bg-white px-4 py-3">
                    <div className="truncate text-xs text-zinc-500" title={f.name}>
                      {f.shortName}
                    </div>
                    <ScoreCell score={f.averageScore} className="mt-1" />
                  </div>
                ))}
              </div>
            </Card>
          )}

          <Card>
            <CardHeader
              title="Clusters"
              description="Latest framework scores per cluster."
              actions={
                <Link href={`/o/${org.slug}/clusters`} className="text-xs font-medium text-brand-700 hover:underline">
                  All clusters →
                </Link>
              }
            />
            {!data ? (
              <TableSkeleton rows={4} columns={6} />
            ) : (
              <DataTable
                columns={columns}
                rows={data.clusters}
                rowKey={(r) => r.id}
                initialSort={{ id: "name", dir: "asc" }}
                caption="Clusters with their latest scores"
                empty={
                  <EmptyState
                    title="No clusters yet"
                    description={
                      can.manageClusters(org.role)
                        ? "Register a cluster to get an agent token and install command. Scores appear after its first snapshot."
                        : "An admin of this organization registers clusters. Scores appear after a cluster's first snapshot."
                    }
                    action={
                      can.manageClusters(org.role) ? (
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
