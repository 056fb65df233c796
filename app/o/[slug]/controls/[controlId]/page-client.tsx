"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { PassRateChart } from "@/components/charts/pass-rate-chart";
import { ExceptionDialog, type ExceptionDraft } from "@/components/dashboard/exception-dialog";
import { SegmentedControl } from "@/components/dashboard/fleet-filter-bar";
import { parseResourceKey, ResourceName } from "@/components/dashboard/resource-name";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { ControlStatusBadge, FleetStatusBadge } from "@/components/dashboard/status-badge";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Stat } from "@/components/ui/stat";
import { EmptyState, ErrorState, InlineAlert, Skeleton, TableSkeleton } from "@/components/ui/states";
import { hasRole } from "@/lib/auth/roles";
import { ApiError } from "@/lib/queries/api-client";
import { useControlDetail, useControlEvidence, useControlHistory, type ControlDetailData } from "@/lib/queries/dashboard";

type Finding = ControlDetailData["findings"][number];
type ClusterRow = ControlDetailData["clusters"][number];

const REF_LABELS: Record<string, string> = {
  kubescape: "Kubescape",
  cis: "CIS Kubernetes",
  cisEks: "CIS EKS",
  cisAks: "CIS AKS",
  cisGke: "CIS GKE",
  pss: "Pod Security Standards",
  nsa: "NSA-CISA",
  mitre: "MITRE ATT&CK",
  polaris: "Polaris",
  soc2: "SOC 2",
  trivy: "Trivy",
};

export function ControlDetailClient({ controlId }: { controlId: string }) {
  const org = useOrg();
  const [params, setParams] = useUrlParams<"days" | "provider" | "environment" | "label">({ days: "30" });
  const filters = { provider: params.provider, environment: params.environment, label: params.label };
  const days = (["7", "30", "90"].includes(params.days ?? "") ? params.days : "30") as "7" | "30" | "90";
  const detail = useControlDetail(org.slug, controlId, filters);
  const history = useControlHistory(org.slug, controlId, { days, ...filters });
  const hasFindings = (detail.data?.findingsTotal ?? 0) > 0;
  const evidence = useControlEvidence(org.slug, controlId, hasFindings);
  const canManage = hasRole(org.role, "ADMIN");
  const [draft, setDraft] = useState<ExceptionDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const paths = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const c of evidence.data?.clusters ?? []) for (const f of c.findings) out.set(`${c.clusterId}|${f.resourceKey}`, [...(out.get(`${c.clusterId}|${f.resourceKey}`) ?? []), ...f.paths]);
    return out;
  }, [evidence.data]);
  const evaluatedClusters = new Set((evidence.data?.clusters ?? []).map((c) => c.clusterId));

  const back = <Link href={`/o/${org.slug}/controls`}>← Controls</Link>;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <div>
        <PageHeader eyebrow={back} title={missing ? "Control not found" : controlId} />
        <Card>{missing ? <EmptyState title={`There is no control ${controlId}`} description="Check the id, or browse the library." /> : <ErrorState error={detail.error} onRetry={() => detail.refetch()} />}</Card>
      </div>
    );
  }
  if (!detail.data) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  const { control, fleet } = detail.data;

  function exceptionFromFinding(f: Finding): ExceptionDraft {
    const r = parseResourceKey(f.resourceKey);
    return {
      controlIds: [control.id],
      clusters: [f.clusterName],
      namespaces: r.namespace ? [r.namespace] : undefined,
      kinds: r.kind && r.kind !== "Cluster" ? [r.kind] : undefined,
      names: r.name && f.resourceKey !== "cluster" ? [r.name] : undefined,
      reason: "",
      expires: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    };
  }

  const clusterColumns: Column<ClusterRow>[] = [
    {
      id: "cluster",
      label: "Cluster",
      value: (r) => r.clusterName,
      render: (r) => (
        <Link href={`/o/${org.slug}/clusters/${r.clusterId}?tab=controls`} className="font-medium text-zinc-900 hover:text-brand-700">
          {r.clusterName}
        </Link>
      ),
    },
    { id: "status", label: "Status", value: (r) => r.status ?? "", render: (r) => <ControlStatusBadge status={r.status} /> },
    {
      id: "failed",
      label: "Failed / total",
      align: "right",
      value: (r) => r.failed,
      render: (r) => (
        <span className="tabular-nums" title={`${r.failed} failed, ${r.excepted} excepted, ${r.passed} passed`}>
          {r.failed} / {r.failed + r.excepted + r.passed}
          {r.excepted > 0 && <span className="text-violet-700"> (⊘ {r.excepted})</span>}
        </span>
      ),
    },
    { id: "since", label: "Failing since", value: (r) => r.failingSince ?? "", render: (r) => <RelativeTime value={r.failingSince} fallback="—" /> },
  ];

  const findingColumns: Column<Finding>[] = [
    { id: "cluster", label: "Cluster", value: (r) => r.clusterName },
    {
      id: "resource",
      label: "Resource",
      value: (r) => r.resourceKey,
      render: (r) => (
        <div className="max-w-xs whitespace-normal">
          <ResourceName resourceKey={r.resourceKey} />
          <div className="mt-0.5 text-xs text-zinc-500">{r.message}</div>
        </div>
      ),
    },
    {
      id: "paths",
      label: "JSON paths",
      sortable: false,
      value: (r) => (paths.get(`${r.clusterId}|${r.resourceKey}`) ?? []).join(" "),
      render: (r) => {
        const p = paths.get(`${r.clusterId}|${r.resourceKey}`);
        if (p?.length)
          return (
            <div className="max-w-md min-w-64 space-y-0.5 whitespace-normal">
              {[...new Set(p)].map((path) => (
                <code key={path} className="block font-mono text-[11px] text-zinc-700 [overflow-wrap:anywhere]">
                  {path}
                </code>
              ))}
            </div>
          );
        if (evidence.isPending) return <span className="text-xs text-zinc-400">loading…</span>;
        if (!evaluatedClusters.has(r.clusterId)) return <span className="text-xs text-zinc-400">not loaded</span>;
        return <span className="text-xs text-zinc-400">whole object</span>;
      },
    },
    { id: "message", label: "Finding", value: (r) => r.message, render: () => null, className: "hidden" },
    {
      id: "first",
      label: "Open since",
      value: (r) => r.firstSeenAt,
      render: (r) => (
        <span className="text-xs">
          <RelativeTime value={r.firstSeenAt} />
          {r.occurrence > 1 && (
            <Badge tone="amber" className="ml-1" title={`This finding was fixed before and came back (occurrence ${r.occurrence})`}>
              reopened
            </Badge>
          )}
        </span>
      ),
    },
    {
      id: "exception",
      label: "",
      sortable: false,
      value: (r) => (r.exceptionId ? "excepted" : ""),
      render: (r) =>
        r.exceptionId ? (
          <Badge tone="violet" title="Covered by an exception">
            ⊘ excepted
          </Badge>
        ) : canManage ? (
          <Button size="sm" variant="secondary" onClick={() => setDraft(exceptionFromFinding(r))} data-testid="create-exception">
            Create exception
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-5">
      <PageHeader
        eyebrow={back}
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-base text-zinc-500">{control.id}</span> {control.name}
          </span>
        }
        description={
          <span className="mt-1 flex flex-wrap items-center gap-2">
            <SeverityBadge severity={control.severity} />
            <FleetStatusBadge status={fleet.status} />
            <Badge tone="neutral">{control.category}</Badge>
            {control.needs.filter((n) => n !== "api").map((n) => (
              <Badge key={n} tone="blue">
                needs {n === "node" ? "node facts" : "cloud data"}
              </Badge>
            ))}
            {control.manual && <Badge tone="neutral">manual check</Badge>}
          </span>
        }
      />
      {notice && <InlineAlert tone="green">{notice}</InlineAlert>}

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Fleet pass rate" value={fleet.passRate === null ? "—" : `${fleet.passRate.toFixed(1)}%`} hint="resources passed ÷ judged (excepted count as passed)" />
        <Stat label="Clusters failing" value={`${fleet.clustersFailing} / ${fleet.clustersFailing + fleet.clustersPassing + fleet.clustersExcepted}`} tone={fleet.clustersFailing ? "red" : "green"} hint={fleet.clustersNotScored ? `${fleet.clustersNotScored} not scored (skipped, n/a)` : "of clusters where it applies"} />
        <Stat label="Failing resources" value={fleet.failedResources} testId="control-failed-resources" hint="latest evaluation of each cluster" />
        <Stat label="Excepted resources" value={fleet.exceptedResources} hint={`${detail.data.exceptions.length} exception${detail.data.exceptions.length === 1 ? "" : "s"} name this control`} />
      </div>

      <div className="grid gap-5 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="About this control" />
          <CardBody className="space-y-3 text-sm">
            <section>
              <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">What it checks</h3>
              <p className="mt-1 text-zinc-800">{control.description}</p>
              {control.kinds.length > 0 && <p className="mt-1 text-xs text-zinc-500">Judges: {control.kinds.join(", ")}</p>}
            </section>
            <section>
              <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Why it matters</h3>
              <p className="mt-1 text-zinc-800">{control.rationale}</p>
            </section>
            <section>
              <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">How to fix it</h3>
              <p className="mt-1 whitespace-pre-line text-zinc-800">{control.remediation}</p>
            </section>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Frameworks" description="Where this control counts, with each framework's own reference." />
          {control.frameworks.length ? (
            <ul className="divide-y divide-zinc-100" data-testid="control-frameworks">
              {control.frameworks.map((f) => (
                <li key={f.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                  <span className="text-zinc-800">
                    {f.name} <span className="text-xs text-zinc-400">{f.version}</span>
                  </span>
                  {f.ref ? <code className="font-mono text-xs text-zinc-600">{f.ref}</code> : <span className="text-xs text-zinc-400">—</span>}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="In no framework" description="Only counted in “All controls”." />
          )}
          {Object.entries(control.refs).some(([k, v]) => v?.length && ["kubescape", "polaris", "trivy"].includes(k)) && (
            <div className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              Same check elsewhere:{" "}
              {Object.entries(control.refs)
                .filter(([k, v]) => v?.length && ["kubescape", "polaris", "trivy"].includes(k))
                .map(([k, v]) => `${REF_LABELS[k] ?? k} ${v!.join(", ")}`)
                .join(" · ")}
            </div>
          )}
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Pass rate over time"
          description="Across the fleet, per day: resources passed ÷ judged in each cluster's latest evaluation up to that day."
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
        <div className="px-2 py-3">
          {history.isError ? (
            <ErrorState error={history.error} onRetry={() => history.refetch()} />
          ) : !history.data ? (
            <Skeleton className="mx-2 h-[200px]" />
          ) : history.data.points.every((p) => p.passRate === null) ? (
            <EmptyState title="No history for this control" description="It has not been evaluated on any cluster in this period (skipped, not applicable, or no snapshot)." />
          ) : (
            <PassRateChart points={history.data.points} />
          )}
        </div>
      </Card>

      <Card>
        <CardHeader
          title="Failing objects across the fleet"
          description={
            <>
              Open findings ({detail.data.findingsTotal}
              {detail.data.findingsTotal > detail.data.findings.length ? `, first ${detail.data.findings.length} shown` : ""}) with the JSON paths at fault, recomputed on each cluster&apos;s current objects
              {evidence.data?.truncated ? ` (paths for the ${evidence.data.clusters.length} clusters with most findings)` : ""}.
            </>
          }
        />
        <DataTable
          columns={findingColumns}
          rows={detail.data.findings}
          rowKey={(r) => `${r.clusterId}|${r.resourceKey}`}
          rowTestId={(r) => `finding-${r.clusterName}-${r.resourceKey}`}
          csvFileName={`${org.slug}-${control.id}-findings.csv`}
          caption={`Open findings of ${control.id}`}
          empty={<EmptyState title="Nothing fails this control" description="No open finding in the filtered clusters' latest evaluations." />}
        />
      </Card>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader title="By cluster" description="This control in each cluster's latest evaluation." />
          <DataTable columns={clusterColumns} rows={detail.data.clusters} rowKey={(r) => r.clusterId} initialSort={{ id: "failed", dir: "desc" }} caption="Control status per cluster" empty={<EmptyState title="No clusters" />} />
        </Card>
        <Card>
          <CardHeader
            title="Exceptions on this control"
            actions={
              <Link href={`/o/${org.slug}/exceptions?control=${control.id}`} className="text-xs font-medium text-brand-700 hover:underline">
                All exceptions →
              </Link>
            }
          />
          {detail.data.exceptions.length ? (
            <ul className="divide-y divide-zinc-100" data-testid="control-exceptions">
              {detail.data.exceptions.map((e) => (
                <li key={e.id} className="px-4 py-2 text-sm">
                  <div className="flex items-start justify-between gap-3">
                    <p className="text-zinc-800">{e.reason}</p>
                    {e.expired ? <Badge tone="red">expired</Badge> : <Badge tone="violet">active</Badge>}
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {e.owner ? `${e.owner} · ` : ""}
                    {e.expiresAt ? (
                      <>
                        {e.expired ? "expired" : "expires"} <RelativeTime value={e.expiresAt} />
                      </>
                    ) : (
                      "no expiry"
                    )}{" "}
                    · covers {e.coveredFindings} open finding{e.coveredFindings === 1 ? "" : "s"}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No exception names this control" description={canManage ? "Create one from a failing object above." : undefined} />
          )}
        </Card>
      </div>

      {draft && (
        <ExceptionDialog
          slug={org.slug}
          open={!!draft}
          initial={draft}
          onClose={() => setDraft(null)}
          onSaved={({ rescoresQueued }) =>
            setNotice(
              rescoresQueued
                ? `Exception created. Re-scoring ${rescoresQueued} cluster${rescoresQueued === 1 ? "" : "s"}; scores update in a few seconds.`
                : "Exception created. Matching clusters already waiting for a re-score pick it up there; scores update when that finishes.",
            )
          }
        />
      )}
    </div>
  );
}
