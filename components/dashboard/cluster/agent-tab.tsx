"use client";

import Link from "next/link";
import { ClusterStatusBadge } from "@/components/clusters/cluster-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime, RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import { useAgentHealth } from "@/lib/queries/cluster-dashboard";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

/** Agent health: is it reporting, what its last snapshot could not collect, and anything stuck or failed. */
export function ClusterAgentTab({ slug, clusterId }: { slug: string; clusterId: string }) {
  const health = useAgentHealth(slug, clusterId);
  const h = health.data;
  if (health.isError) return <Card><ErrorState error={health.error} onRetry={() => health.refetch()} /></Card>;
  if (!h) return <Skeleton className="h-72" />;
  return (
    <div className="space-y-5" data-testid="agent-health">
      {h.status === "stale" && (
        <InlineAlert tone="amber">
          Stale agent: no report for over {h.staleAfterMinutes} minutes (last seen <RelativeTime value={h.lastSeenAt} />). Check that the agent runs and can reach this server; pages show its last evaluation.
        </InlineAlert>
      )}
      {h.backlog.failed > 0 && <InlineAlert tone="red">{h.backlog.failed} snapshot{h.backlog.failed === 1 ? "" : "s"} failed evaluation; see below.</InlineAlert>}
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-4">
            <Field label="Agent">
              <ClusterStatusBadge status={h.status} />
            </Field>
            <Field label="Last seen">
              <RelativeTime value={h.lastSeenAt} fallback="never" />
            </Field>
            <Field label="Last push">
              {h.lastPush ? (
                <>
                  <RelativeTime value={h.lastPush.receivedAt} /> {h.lastPush.status !== "complete" && <Badge tone="amber">{h.lastPush.status}</Badge>}
                </>
              ) : (
                <span className="text-zinc-400">none</span>
              )}
            </Field>
            <Field label="Agent version">{h.agentVersion ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Last evaluation">
              {h.lastEvaluated ? (
                <span title={formatDateTime(new Date(h.lastEvaluated.collectedAt))}>
                  collected <RelativeTime value={h.lastEvaluated.collectedAt} />
                </span>
              ) : (
                <span className="text-zinc-400">none</span>
              )}
            </Field>
            <Field label="Library version">{h.lastEvaluated?.libraryVersion ?? <span className="text-zinc-400">—</span>}</Field>
            <Field label="Waiting">
              {h.backlog.pending} uploading · {h.backlog.queued} queued
            </Field>
            <Field label="Failed evaluations">{h.backlog.failed}</Field>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Collection errors" description="Resource types the latest evaluated snapshot could not collect. Controls that need them are skipped (not counted), so scores cover what was collected." />
        {h.collectionErrors.length ? (
          <ul className="divide-y divide-zinc-100" data-testid="collection-errors">
            {h.collectionErrors.map((e, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                <code className="font-mono text-xs text-zinc-800">{e.resource}</code>
                <Badge tone={e.reason === "forbidden" ? "red" : "amber"}>{e.reason}</Badge>
                <span className="text-xs text-zinc-500">{e.message}</span>
              </li>
            ))}
          </ul>
        ) : (
          <CardBody>
            <p className="text-sm text-emerald-700">✓ The latest snapshot collected every resource type the agent looked for.</p>
          </CardBody>
        )}
      </Card>
      {h.recentFailures.length > 0 && (
        <Card>
          <CardHeader title="Failed evaluations" />
          <ul className="divide-y divide-zinc-100">
            {h.recentFailures.map((f) => (
              <li key={f.snapshotId} className="px-4 py-2 text-sm">
                <RelativeTime value={f.collectedAt} /> <span className="text-xs text-red-700">{f.error ?? "unknown error"}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <CardHeader
          title="Agent tokens for this cluster"
          actions={
            <Link href={`/o/${slug}/settings/tokens`} className="text-xs font-medium text-brand-700 hover:underline">
              Manage tokens →
            </Link>
          }
        />
        {h.tokens.length ? (
          <ul className="divide-y divide-zinc-100">
            {h.tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
                <span className="font-medium text-zinc-800">{t.name}</span>
                <code className="font-mono text-xs text-zinc-500">{t.prefix}…</code>
                <span className="text-xs text-zinc-500">
                  last used <RelativeTime value={t.lastUsedAt} fallback="never" />
                </span>
                <span className="ml-auto">{t.revokedAt ? <Badge tone="red">revoked</Badge> : <Badge tone="green">active</Badge>}</span>
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
