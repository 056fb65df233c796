"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { providerLabel } from "@/components/clusters/provider-label";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { can } from "@/lib/auth/roles";
import { useClusters, type ClusterRow } from "@/lib/queries/clusters";

export function ClustersClient() {
  const org = useOrg();
  const clusters = useClusters(org.slug);
  const [query, setQuery] = useState("");
  const [environment, setEnvironment] = useState("");

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (clusters.data ?? []).filter(
      (c) =>
        (!environment || c.environment === environment) &&
        (!q || c.name.includes(q) || c.provider.includes(q) || (c.region ?? "").toLowerCase().includes(q) || Object.entries(c.labels).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(q))),
    );
  }, [clusters.data, query, environment]);
  const environments = [...new Set((clusters.data ?? []).map((c) => c.environment))].sort();
  const staleCount = (clusters.data ?? []).filter((c) => c.status === "stale").length;

  const columns: Column<ClusterRow>[] = [
    {
      id: "name",
      label: "Name",
      value: (r) => r.name,
      render: (r) => (
        <div>
          <Link href={`/o/${org.slug}/clusters/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700">
            {r.name}
          </Link>
          {Object.keys(r.labels).length > 0 && (
            <div className="mt-0.5 flex gap-1">
              {Object.entries(r.labels)
                .slice(0, 3)
                .map(([k, v]) => (
                  <span key={k} className="rounded bg-zinc-100 px-1 font-mono text-[10px] text-zinc-500">
                    {k}={v}
                  </span>
                ))}
            </div>
          )}
        </div>
      ),
    },
    { id: "provider", label: "Provider", value: (r) => providerLabel(r.provider) },
    { id: "environment", label: "Environment", value: (r) => r.environment, render: (r) => <Badge tone={r.environment === "production" ? "violet" : "neutral"}>{r.environment}</Badge> },
    { id: "region", label: "Region", value: (r) => r.region },
    { id: "version", label: "Kubernetes", value: (r) => r.kubernetesVersion, render: (r) => (r.kubernetesVersion ? <span className="font-mono text-xs">{r.kubernetesVersion}</span> : <span className="text-zinc-400">—</span>) },
    { id: "nodes", label: "Nodes", align: "right", value: (r) => r.nodeCount },
    {
      id: "lastSeen",
      label: "Last seen",
      value: (r) => r.lastSeenAt ?? "",
      render: (r) => (
        <div className="flex items-center gap-2">
          <ClusterStatusBadge status={r.status} />
          <span className={r.status === "stale" ? "text-amber-700" : "text-zinc-600"}>
            <RelativeTime value={r.lastSeenAt} fallback="never" />
          </span>
        </div>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title="Clusters"
        description="Every cluster registered in this organization and the freshness of its agent."
        actions={
          can.manageClusters(org.role) ? (
            <Link href={`/o/${org.slug}/clusters/new`} className={buttonClasses("primary")}>
              Register cluster
            </Link>
          ) : undefined
        }
      />
      {staleCount > 0 && (
        <div className="mb-4">
          <InlineAlert tone="amber">
            {staleCount} cluster{staleCount === 1 ? " has" : "s have"} not reported for over an hour. Their posture data may be out of date: check that the agent is running and can reach this server.
          </InlineAlert>
        </div>
      )}
      <Card>
        {clusters.isError ? (
          <ErrorState error={clusters.error} onRetry={() => clusters.refetch()} />
        ) : clusters.isPending ? (
          <TableSkeleton rows={6} columns={7} />
        ) : clusters.data.length === 0 ? (
          <EmptyState
            title="No clusters registered"
            description={
              can.manageClusters(org.role)
                ? "Register a cluster to get an agent token and the command that installs the agent."
                : "An admin of this organization can register clusters."
            }
            action={
              can.manageClusters(org.role) ? (
                <Link href={`/o/${org.slug}/clusters/new`} className={buttonClasses("primary")}>
                  Register a cluster
                </Link>
              ) : undefined
            }
          />
        ) : (
          <DataTable
              toolbar={
                <>
                  <Input aria-label="Filter clusters" placeholder="Filter by name, provider, region or label…" value={query} onChange={(e) => setQuery(e.target.value)} className="w-80" />
                  <Select aria-label="Environment" value={environment} onChange={(e) => setEnvironment(e.target.value)} className="w-48">
                    <option value="">All environments</option>
                    {environments.map((e) => (
                      <option key={e} value={e}>
                        {e}
                      </option>
                    ))}
                  </Select>
                  <span className="text-xs text-zinc-500">
                    {rows.length} of {clusters.data.length}
                  </span>
                </>
              }
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
              rowTestId={(r) => `cluster-row-${r.name}`}
              initialSort={{ id: "name", dir: "asc" }}
              csvFileName={`${org.slug}-clusters.csv`}
              caption="Clusters"
              empty={<EmptyState title="No cluster matches the filter" description="Clear the filter to see all clusters." />}
            />
        )}
      </Card>
    </div>
  );
}
