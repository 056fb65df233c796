"use client";

import Link from "next/link";
import { useState } from "react";
import { JsonDiff } from "@/components/dashboard/json-diff";
import { ResourceName } from "@/components/dashboard/resource-name";
import { ScoreDelta } from "@/components/dashboard/score-delta";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { ControlStatusBadge } from "@/components/dashboard/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/form-field";
import { formatDateTime, RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import type { ControlStatus, Severity } from "@/lib/engine/types";
import type { JsonChange } from "@/lib/server/drift/diff-json";
import { useClusterDrift, useClusterHistory, type ClusterDriftData } from "@/lib/queries/cluster-dashboard";

type FrameworkLabel = { id: string; shortName: string };

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** The snapshot timeline and what changed between any two points: objects (with diffs), findings, scores. */
export function ClusterDriftTab({
  slug,
  clusterId,
  frameworks,
  from,
  to,
  onChange,
}: {
  slug: string;
  clusterId: string;
  frameworks: FrameworkLabel[];
  from: string;
  to: string;
  onChange: (changes: { from?: string; to?: string }) => void;
}) {
  const history = useClusterHistory(slug, clusterId, 30);
  // Without a chosen start, show the week's drift: what changed since seven days ago (fixed at mount, so the query key is stable).
  const [weekAgo] = useState(() => isoDaysAgo(7));
  const drift = useClusterDrift(slug, clusterId, { from: from || weekAgo, to: to || undefined });
  const snapshots = history.data?.snapshots ?? [];
  const d = drift.data;
  const fromId = d?.from?.snapshotId;
  const toId = d?.to?.snapshotId;

  return (
    <div className="grid gap-5 xl:grid-cols-[20rem_1fr]">
      <Card className="self-start">
        <CardHeader title="Snapshot timeline" description="Newest first. Pick the two snapshots to compare." />
        <div className="flex flex-wrap items-center gap-1.5 border-b border-zinc-100 px-4 py-2">
          <span className="text-xs text-zinc-500">Latest vs.</span>
          {[1, 7, 30].map((n) => (
            <Button key={n} size="sm" variant="secondary" onClick={() => onChange({ from: isoDaysAgo(n), to: "" })}>
              {n === 1 ? "1 day ago" : `${n} days ago`}
            </Button>
          ))}
        </div>
        <div className="grid grid-cols-2 gap-2 border-b border-zinc-100 px-4 py-2">
          <label className="text-xs text-zinc-500">
            From date
            <Input type="date" aria-label="From date" value={/^\d{4}-/.test(from) ? from.slice(0, 10) : ""} onChange={(e) => onChange({ from: e.target.value ? `${e.target.value}T23:59:59Z` : "" })} />
          </label>
          <label className="text-xs text-zinc-500">
            To date
            <Input type="date" aria-label="To date" value={/^\d{4}-/.test(to) ? to.slice(0, 10) : ""} onChange={(e) => onChange({ to: e.target.value ? `${e.target.value}T23:59:59Z` : "" })} />
          </label>
        </div>
        {!history.data ? (
          <Skeleton className="m-4 h-64" />
        ) : snapshots.length === 0 ? (
          <EmptyState title="No snapshot yet" />
        ) : (
          <ol className="max-h-[34rem] divide-y divide-zinc-100 overflow-y-auto" aria-label="Snapshots" data-testid="snapshot-timeline">
            {snapshots.map((s) => {
              const isFrom = s.id === fromId;
              const isTo = s.id === toId;
              return (
                <li key={s.id} className={`px-4 py-2 ${isFrom || isTo ? "bg-brand-50" : ""}`}>
                  <div className="flex items-center justify-between gap-2">
                    <time className="text-xs font-medium text-zinc-800" dateTime={s.collectedAt} title={formatDateTime(new Date(s.collectedAt))}>
                      {formatDateTime(new Date(s.collectedAt))}
                    </time>
                    {s.status !== "complete" && <Badge tone={s.status === "failed" ? "red" : "amber"}>{s.status}</Badge>}
                  </div>
                  <div className="mt-0.5 flex items-center justify-between gap-2 text-[11px] text-zinc-500">
                    <span className="tabular-nums">
                      {s.objectCount} obj · <span title="added">+{s.objectsAdded}</span> <span title="changed">~{s.objectsChanged}</span> <span title="removed">−{s.objectsRemoved}</span>
                      {s.failingResources !== null && <> · {s.failingResources} failing</>}
                    </span>
                    {s.status === "complete" && (
                      <span className="flex gap-1">
                        <button type="button" aria-pressed={isFrom} onClick={() => onChange({ from: s.id })} className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${isFrom ? "bg-zinc-900 text-white ring-zinc-900" : "ring-zinc-300 hover:bg-zinc-100"}`} aria-label={`Compare from ${formatDateTime(new Date(s.collectedAt))}`}>
                          from
                        </button>
                        <button type="button" aria-pressed={isTo} onClick={() => onChange({ to: s.id })} className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${isTo ? "bg-zinc-900 text-white ring-zinc-900" : "ring-zinc-300 hover:bg-zinc-100"}`} aria-label={`Compare to ${formatDateTime(new Date(s.collectedAt))}`}>
                          to
                        </button>
                      </span>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Card>

      <div className="min-w-0 space-y-5" data-testid="drift-view">
        {drift.isError ? (
          <Card>
            <ErrorState error={drift.error} onRetry={() => drift.refetch()} />
          </Card>
        ) : !d ? (
          <Skeleton className="h-96" />
        ) : !d.from || !d.to ? (
          <Card>
            <EmptyState title="Nothing to compare" description="There is no evaluated snapshot at the start point (drift needs two). Pick two snapshots in the timeline." />
          </Card>
        ) : (
          <DriftResult drift={d} slug={slug} frameworks={frameworks} />
        )}
      </div>
    </div>
  );
}

function DriftResult({ drift, slug, frameworks }: { drift: ClusterDriftData; slug: string; frameworks: FrameworkLabel[] }) {
  const name = (id: string) => frameworks.find((f) => f.id === id)?.shortName ?? id;
  const objectsChanged = drift.objects.added.length + drift.objects.removed.length + drift.objects.changed.length;
  return (
    <>
      <Card>
        <CardHeader
          title={
            <span>
              From <RelativeTime value={drift.from!.collectedAt} /> to <RelativeTime value={drift.to!.collectedAt} />
            </span>
          }
          description={`${formatDateTime(new Date(drift.from!.collectedAt))} → ${formatDateTime(new Date(drift.to!.collectedAt))} · ${objectsChanged} object change${objectsChanged === 1 ? "" : "s"}, ${drift.findings.openedCount} finding${drift.findings.openedCount === 1 ? "" : "s"} opened, ${drift.findings.resolvedCount} resolved`}
        />
        <div className="grid gap-px bg-zinc-100 sm:grid-cols-2 lg:grid-cols-5" data-testid="drift-scores">
          {drift.scores.frameworks.map((f) => (
            <div key={f.id} className="bg-white px-4 py-2">
              <div className="truncate text-xs text-zinc-500">{name(f.id)}</div>
              <div className="mt-0.5 flex items-center justify-between gap-2 text-sm tabular-nums">
                <span>
                  {f.from ?? "—"} → <span className="font-medium">{f.to ?? "—"}</span>
                </span>
                <ScoreDelta delta={f.delta} />
              </div>
            </div>
          ))}
        </div>
      </Card>

      {drift.scores.controls.length > 0 && (
        <Card>
          <CardHeader title="Controls that changed" description="Status and failing resources, before → after." />
          <ul className="divide-y divide-zinc-100" data-testid="drift-controls">
            {drift.scores.controls.map((c) => (
              <li key={c.controlId} className="flex flex-wrap items-center gap-2 px-4 py-1.5 text-sm">
                <Link href={`/o/${slug}/controls/${c.controlId}`} className="w-20 font-mono text-xs text-brand-700 hover:underline">
                  {c.controlId}
                </Link>
                <ControlStatusBadge status={c.fromStatus as ControlStatus | null} />
                <span aria-hidden className="text-zinc-400">
                  →
                </span>
                <span className="sr-only">to</span>
                <ControlStatusBadge status={c.toStatus as ControlStatus | null} />
                <span className={`ml-auto text-xs tabular-nums ${c.delta > 0 ? "text-red-700" : "text-emerald-700"}`}>
                  failing {c.failedFrom} → {c.failedTo} ({c.delta > 0 ? "+" : ""}
                  {c.delta})
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <div className="grid gap-5 lg:grid-cols-2">
        <FindingList title="Findings opened" rows={drift.findings.opened} total={drift.findings.openedCount} slug={slug} testId="drift-opened" />
        <FindingList title="Findings resolved" rows={drift.findings.resolved} total={drift.findings.resolvedCount} slug={slug} testId="drift-resolved" />
      </div>

      <Card>
        <CardHeader title="Objects" description="Added, removed and changed objects; a changed object shows what changed (redacted values never appear)." />
        {objectsChanged === 0 ? (
          <EmptyState title="No object changed" description="The cluster's objects are identical at both points." />
        ) : (
          <ul className="divide-y divide-zinc-100" data-testid="drift-objects">
            {drift.objects.added.map((o) => (
              <li key={`a-${o.key}`} className="flex items-center gap-2 px-4 py-1.5">
                <Badge tone="green">+ added</Badge>
                <ResourceName resourceKey={o.key} />
              </li>
            ))}
            {drift.objects.removed.map((o) => (
              <li key={`r-${o.key}`} className="flex items-center gap-2 px-4 py-1.5">
                <Badge tone="red">− removed</Badge>
                <ResourceName resourceKey={o.key} />
              </li>
            ))}
            {drift.objects.changed.map((o) => (
              <li key={`c-${o.key}`} className="px-4 py-1.5">
                <details>
                  <summary className="flex cursor-pointer items-center gap-2">
                    <Badge tone="amber">~ changed</Badge>
                    <ResourceName resourceKey={o.key} />
                    {o.diff && <span className="text-xs text-zinc-500">{o.diff.length} field{o.diff.length === 1 ? "" : "s"}</span>}
                  </summary>
                  <div className="mt-2">{o.diff ? <JsonDiff changes={o.diff as JsonChange[]} /> : <p className="text-xs text-zinc-500">No diff: one of the two bodies is no longer stored (retention), or beyond the first 100 changed objects.</p>}</div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function FindingList({ title, rows, total, slug, testId }: { title: string; rows: ClusterDriftData["findings"]["opened"]; total: number; slug: string; testId: string }) {
  return (
    <Card>
      <CardHeader title={`${title} (${total})`} description={rows.length < total ? `First ${rows.length} shown` : undefined} />
      {rows.length ? (
        <ul className="max-h-96 divide-y divide-zinc-100 overflow-y-auto" data-testid={testId}>
          {rows.map((f) => (
            <li key={`${f.controlId}|${f.resourceKey}|${f.occurrence}`} className="flex flex-wrap items-center gap-2 px-4 py-1.5 text-sm">
              <SeverityBadge severity={f.severity as Severity} />
              <Link href={`/o/${slug}/controls/${f.controlId}`} className="font-mono text-xs text-brand-700 hover:underline">
                {f.controlId}
              </Link>
              <ResourceName resourceKey={f.resourceKey} className="min-w-0 flex-1 truncate" />
              {f.exceptionId && <Badge tone="violet">⊘ excepted</Badge>}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="None" />
      )}
    </Card>
  );
}
