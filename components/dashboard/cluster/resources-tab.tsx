"use client";

import Link from "next/link";
import { useState } from "react";
import { ExceptionDialog, type ExceptionDraft } from "@/components/dashboard/exception-dialog";
import { parseResourceKey, ResourceName } from "@/components/dashboard/resource-name";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, Skeleton, TableSkeleton } from "@/components/ui/states";
import { useClusterObject, useClusterResources, type ClusterObjectData } from "@/lib/queries/cluster-dashboard";

type ObjectFinding = NonNullable<ClusterObjectData>["findings"][number];
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** One entry per control (a control can report several violations on one object), worst first. */
function groupByControl(findings: ObjectFinding[]) {
  const groups = new Map<string, ObjectFinding & { items: ObjectFinding[] }>();
  for (const f of findings) {
    const g = groups.get(f.controlId);
    if (g) g.items.push(f);
    else groups.set(f.controlId, { ...f, items: [f] });
  }
  return [...groups.values()].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.controlId.localeCompare(b.controlId));
}

export type ResourceFilters = { kind?: string; namespace?: string; q?: string; failing?: string; object?: string };

/** The cluster's current objects by kind and namespace; selecting one shows its findings with JSON paths and its body. */
export function ClusterResourcesTab({
  slug,
  clusterId,
  clusterName,
  filters,
  canManage,
  onChange,
}: {
  slug: string;
  clusterId: string;
  clusterName: string;
  filters: ResourceFilters;
  canManage: boolean;
  onChange: (changes: ResourceFilters) => void;
}) {
  const resources = useClusterResources(slug, clusterId, { kind: filters.kind, namespace: filters.namespace, q: filters.q, failing: filters.failing });
  const object = useClusterObject(slug, clusterId, filters.object);
  const data = resources.data;
  const [draft, setDraft] = useState<ExceptionDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card className="min-w-0 self-start">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2.5">
          <Select aria-label="Kind" value={filters.kind ?? ""} onChange={(e) => onChange({ kind: e.target.value, object: "" })} className="w-44">
            <option value="">All kinds</option>
            {(data?.kinds ?? []).map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.kind} ({k.count})
              </option>
            ))}
          </Select>
          <Select aria-label="Namespace" value={filters.namespace ?? ""} onChange={(e) => onChange({ namespace: e.target.value, object: "" })} className="w-44">
            <option value="">All namespaces</option>
            {(data?.namespaces ?? []).map((n) => (
              <option key={n.namespace || "(cluster)"} value={n.namespace}>
                {n.namespace || "(cluster-scoped)"} ({n.count})
              </option>
            ))}
          </Select>
          <Input aria-label="Object name" placeholder="Name contains…" value={filters.q ?? ""} onChange={(e) => onChange({ q: e.target.value })} className="w-40" />
          <label className="flex items-center gap-1.5 text-xs text-zinc-700">
            <input type="checkbox" checked={filters.failing === "true"} onChange={(e) => onChange({ failing: e.target.checked ? "true" : "" })} className="size-3.5 rounded border-zinc-300" />
            Only failing
          </label>
        </div>
        {resources.isError ? (
          <ErrorState error={resources.error} onRetry={() => resources.refetch()} />
        ) : !data ? (
          <TableSkeleton rows={10} columns={3} />
        ) : data.resources.length === 0 ? (
          <EmptyState title="No object matches" description={data.kinds.length ? "Loosen the filters." : "No evaluated snapshot yet."} />
        ) : (
          <>
            <p className="px-4 py-1.5 text-xs text-zinc-500" aria-live="polite">
              {data.total} object{data.total === 1 ? "" : "s"}
              {data.total > data.resources.length ? `, first ${data.resources.length} shown (failing first)` : ""}
            </p>
            <ul className="max-h-[36rem] divide-y divide-zinc-100 overflow-y-auto" aria-label="Objects" data-testid="resource-list">
              {data.resources.map((r) => (
                <li key={r.key}>
                  <button
                    type="button"
                    aria-pressed={filters.object === r.key}
                    onClick={() => onChange({ object: r.key })}
                    className={`flex w-full items-center gap-2 px-4 py-1.5 text-left hover:bg-zinc-50 ${filters.object === r.key ? "bg-brand-50" : ""}`}
                  >
                    <ResourceName resourceKey={r.key} className="min-w-0 flex-1 truncate" />
                    {r.excepted > 0 && <Badge tone="violet">⊘ {r.excepted}</Badge>}
                    {r.failing > 0 ? (
                      <span className="flex items-center gap-1">
                        {r.worstSeverity && <SeverityBadge severity={r.worstSeverity} />}
                        <span className="text-xs tabular-nums text-zinc-600">{r.failing}</span>
                      </span>
                    ) : (
                      <span className="text-xs text-emerald-700">✓ passes</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
            {data.otherFindings.length > 0 && !filters.kind && !filters.namespace && (
              <div className="border-t border-zinc-200">
                <p className="px-4 pt-2 text-xs font-medium text-zinc-600">RBAC subjects and cluster-wide findings</p>
                <ul className="divide-y divide-zinc-100">
                  {data.otherFindings.slice(0, 30).map((o) => (
                    <li key={o.resourceKey}>
                      <button type="button" aria-pressed={filters.object === o.resourceKey} onClick={() => onChange({ object: o.resourceKey })} className="flex w-full items-center gap-2 px-4 py-1.5 text-left hover:bg-zinc-50">
                        <ResourceName resourceKey={o.resourceKey} className="min-w-0 flex-1 truncate" />
                        {o.worstSeverity && <SeverityBadge severity={o.worstSeverity} />}
                        <span className="text-xs tabular-nums text-zinc-600">{o.failing}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </Card>

      <div className="min-w-0 space-y-3" data-testid="object-detail">
        {notice && <InlineAlert tone="green">{notice}</InlineAlert>}
        {!filters.object ? (
          <Card>
            <EmptyState title="Select an object" description="Its findings, with the JSON paths at fault, its stored body and its change history appear here." />
          </Card>
        ) : object.isError ? (
          <Card>
            <ErrorState error={object.error} onRetry={() => object.refetch()} />
          </Card>
        ) : !object.data ? (
          <Skeleton className="h-96" />
        ) : (
          <>
            <Card>
              <CardHeader title={<ResourceName resourceKey={object.data.key} />} description={object.data.firstSeenAt ? <>first seen <RelativeTime value={object.data.firstSeenAt} /> · last changed <RelativeTime value={object.data.lastChangedAt} /></> : undefined} />
              {object.data.findings.length ? (
                <ul className="max-h-[40rem] divide-y divide-zinc-100 overflow-y-auto" aria-label="Findings on this object">
                  {groupByControl(object.data.findings).map((g) => (
                    <li key={g.controlId} className="px-4 py-2 text-sm" data-testid={`object-finding-${g.controlId}`}>
                      <div className="flex flex-wrap items-center gap-2">
                        <SeverityBadge severity={g.severity} />
                        <Link href={`/o/${slug}/controls/${g.controlId}`} className="font-medium text-zinc-900 hover:text-brand-700">
                          {g.controlName}
                        </Link>
                        <span className="font-mono text-xs text-zinc-500">{g.controlId}</span>
                        {g.exceptionId && <Badge tone="violet">⊘ excepted</Badge>}
                        {g.occurrence > 1 && <Badge tone="amber">reopened</Badge>}
                        <span className="ml-auto text-xs text-zinc-500">{g.firstSeenAt && <>since <RelativeTime value={g.firstSeenAt} /></>}</span>
                      </div>
                      {g.items.map((f, i) => (
                        <div key={i} className="mt-1">
                          <p className="text-xs text-zinc-600">{f.message}</p>
                          {f.paths.map((p) => (
                            <code key={p} className="block font-mono text-[11px] text-zinc-700 [overflow-wrap:anywhere]">
                              {p}
                            </code>
                          ))}
                        </div>
                      ))}
                      {canManage && !g.exceptionId && (
                        <Button
                          size="sm"
                          variant="secondary"
                          className="mt-1.5"
                          onClick={() => {
                            const r = parseResourceKey(object.data!.key);
                            setDraft({
                              controlIds: [g.controlId],
                              clusters: [clusterName],
                              namespaces: r.namespace ? [r.namespace] : undefined,
                              kinds: object.data!.key === "cluster" ? undefined : [r.kind],
                              names: object.data!.key === "cluster" ? undefined : [r.name],
                              expires: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
                            });
                          }}
                        >
                          Create exception
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <CardBody>
                  <p className="text-sm text-emerald-700">✓ No open finding on this object.</p>
                </CardBody>
              )}
            </Card>
            {object.data.body !== null && (
              <Card>
                <details>
                  <summary className="cursor-pointer px-4 py-2.5 text-sm font-semibold text-zinc-900">Stored object (normalized, secrets redacted)</summary>
                  <pre className="max-h-96 overflow-auto border-t border-zinc-100 bg-zinc-50 px-4 py-2 font-mono text-[11px] text-zinc-800">{JSON.stringify(object.data.body, null, 2)}</pre>
                </details>
              </Card>
            )}
            {object.data.changes.length > 0 && (
              <Card>
                <CardHeader title="Change history" />
                <ul className="divide-y divide-zinc-100">
                  {object.data.changes.map((c, i) => (
                    <li key={i} className="flex items-center gap-2 px-4 py-1.5 text-xs">
                      <Badge tone={c.change === "added" ? "green" : c.change === "removed" ? "red" : "amber"}>{c.change}</Badge>
                      <RelativeTime value={c.at} />
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </>
        )}
      </div>
      {draft && (
        <ExceptionDialog
          slug={slug}
          open
          initial={draft}
          onClose={() => setDraft(null)}
          onSaved={({ rescoresQueued }) => setNotice(rescoresQueued ? `Exception created; re-scoring ${rescoresQueued} cluster${rescoresQueued === 1 ? "" : "s"}.` : "Exception created.")}
        />
      )}
    </div>
  );
}
