"use client";

import Link from "next/link";
import { ScoreHistoryChart } from "@/components/charts/score-history-chart";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { providerLabel } from "@/components/clusters/provider-label";
import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { ScoreCell } from "@/components/ui/score";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import { ApiError } from "@/lib/queries/api-client";
import { useCluster } from "@/lib/queries/clusters";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 truncate text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

export function ClusterDetailClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const cluster = useCluster(org.slug, clusterId);
  const back = <Link href={`/o/${org.slug}/clusters`}>← Clusters</Link>;

  if (cluster.isError) {
    if (cluster.error instanceof ApiError && cluster.error.status === 404) {
      return (
        <div>
          <PageHeader eyebrow={back} title="Cluster not found" />
          <Card>
            <EmptyState title="This cluster does not exist in this organization" description="It may have been removed, or the link belongs to another organization." />
          </Card>
        </div>
      );
    }
    return (
      <div>
        <PageHeader eyebrow={back} title="Cluster" />
        <Card>
          <ErrorState error={cluster.error} onRetry={() => cluster.refetch()} />
        </Card>
      </div>
    );
  }
  if (cluster.isPending) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-6 w-56" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-56 w-full" />
      </div>
    );
  }

  const c = cluster.data;
  const latest = c.snapshots[0];
  const frameworks = c.frameworks;
  const chartFrameworks = frameworks.slice(0, 3).map((f) => ({ id: f.id, name: f.shortName }));
  const collectionErrors = Array.isArray(latest?.collectionErrors) ? (latest.collectionErrors as unknown[]) : [];

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={back}
        title={
          <span className="flex items-center gap-3">
            {c.name} <ClusterStatusBadge status={c.status} />
          </span>
        }
        description={`${providerLabel(c.provider)} · ${c.environment}${c.region ? ` · ${c.region}` : ""}`}
      />
      {c.status === "stale" && (
        <InlineAlert tone="amber">
          The agent last reported <RelativeTime value={c.lastSeenAt} />. The data below is from that report; check that the agent is running and can reach this server.
        </InlineAlert>
      )}
      {collectionErrors.length > 0 && (
        <InlineAlert tone="amber">
          The latest snapshot is partial: the agent could not collect {collectionErrors.length} resource type{collectionErrors.length === 1 ? "" : "s"}. Controls that need them are skipped.
        </InlineAlert>
      )}
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
            <Field label="Kubernetes version">{c.kubernetesVersion ?? <span className="text-zinc-400">unknown until the first snapshot</span>}</Field>
            <Field label="Nodes">{c.nodeCount ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Agent version">{c.agentVersion ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Last seen">
              <RelativeTime value={c.lastSeenAt} fallback="never" />
            </Field>
            <Field label="Cluster UID">{c.clusterUid ? <span className="font-mono text-xs">{c.clusterUid}</span> : <span className="text-zinc-400">—</span>}</Field>
            <Field label="Registered">
              <RelativeTime value={c.createdAt} />
            </Field>
            <div className="col-span-2">
              <dt className="text-xs text-zinc-500">Labels</dt>
              <dd className="mt-1 flex flex-wrap gap-1">
                {Object.keys(c.labels).length ? (
                  Object.entries(c.labels).map(([k, v]) => (
                    <Badge key={k} tone="neutral" className="font-mono">
                      {k}={v}
                    </Badge>
                  ))
                ) : (
                  <span className="text-sm text-zinc-400">none</span>
                )}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Latest scores" description={latest ? <>Snapshot <RelativeTime value={latest.collectedAt} /> · {latest.objectCount.toLocaleString()} objects</> : undefined} />
          {latest && frameworks.length ? (
            <ul className="divide-y divide-zinc-100">
              {frameworks.map((f) => (
                <li key={f.id} className="flex items-center justify-between gap-3 px-4 py-2">
                  <span className="truncate text-sm text-zinc-700" title={f.name}>
                    {f.name}
                  </span>
                  <ScoreCell score={latest.frameworkScores[f.id]?.score} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No snapshot yet" description="Scores appear after the agent's first snapshot." />
          )}
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Score history" description={`Last ${c.snapshots.length} snapshot${c.snapshots.length === 1 ? "" : "s"}`} />
          <CardBody>
            {c.snapshots.length > 1 ? (
              <ScoreHistoryChart points={c.snapshots.map((s) => ({ at: s.collectedAt, scores: Object.fromEntries(Object.entries(s.frameworkScores).map(([k, v]) => [k, v.score])) }))} frameworks={chartFrameworks} />
            ) : (
              <EmptyState title="Not enough history" description="The chart needs at least two snapshots." />
            )}
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Agent tokens for this cluster"
          actions={
            <Link href={`/o/${org.slug}/settings/tokens`} className="text-xs font-medium text-brand-700 hover:underline">
              Manage tokens →
            </Link>
          }
        />
        {c.tokens.length ? (
          <ul className="divide-y divide-zinc-100">
            {c.tokens.map((t) => (
              <li key={t.id} className="grid grid-cols-[1fr_10rem_12rem_5rem] items-center gap-4 px-4 py-2">
                <span className="truncate font-medium text-zinc-800">{t.name}</span>
                <code className="font-mono text-xs text-zinc-500">{t.prefix}…</code>
                <span className="text-xs text-zinc-500">
                  last used <RelativeTime value={t.lastUsedAt} fallback="never" />
                </span>
                <span className="text-right">{t.revokedAt ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No cluster-scoped tokens" description="Organization-wide tokens can also report for this cluster." />
        )}
      </Card>
    </div>
  );
}
