"use client";

import Link from "next/link";
import { FleetFilterBar } from "@/components/dashboard/fleet-filter-bar";
import { ResourceName } from "@/components/dashboard/resource-name";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { FleetStatusBadge, FLEET_STATUS_LABELS } from "@/components/dashboard/status-badge";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, RelativeTime } from "@/components/ui/relative-time";
import { ScoreCell } from "@/components/ui/score";
import { Stat } from "@/components/ui/stat";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { reportUrl, useComplianceReport, useDashboardOverview, type ComplianceReportData } from "@/lib/queries/dashboard";

type ClusterRow = ComplianceReportData["clusters"][number];
type ControlRow = ComplianceReportData["controls"][number];
type EvidenceRow = ComplianceReportData["evidence"][number];
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const EVIDENCE_PREVIEW = 200;

export function ReportsClient() {
  const org = useOrg();
  const [params, setParams] = useUrlParams<"framework" | "provider" | "environment" | "label">({ framework: "cis-v1.12" });
  const framework = params.framework ?? "cis-v1.12";
  const filters = { provider: params.provider, environment: params.environment, label: params.label };
  const query = { framework, ...filters };
  const report = useComplianceReport(org.slug, query);
  // The overview carries the framework list and the filter values on offer.
  const overview = useDashboardOverview(org.slug, filters);
  const r = report.data;

  const clusterColumns: Column<ClusterRow>[] = [
    { id: "cluster", label: "Cluster", value: (c) => c.name, render: (c) => <Link href={`/o/${org.slug}/clusters/${c.id}?framework=${framework}`} className="font-medium text-zinc-900 hover:text-brand-700">{c.name}</Link> },
    { id: "environment", label: "Environment", value: (c) => c.environment },
    { id: "agent", label: "Agent", value: (c) => c.agentStatus, render: (c) => (c.agentStatus === "stale" ? <Badge tone="amber">stale</Badge> : c.agentStatus === "active" ? <Badge tone="green">reporting</Badge> : <Badge tone="neutral">never</Badge>) },
    { id: "evaluated", label: "Evaluated", value: (c) => c.evaluatedAt ?? "", render: (c) => <RelativeTime value={c.evaluatedAt} fallback="never" /> },
    { id: "score", label: "Score", align: "right", value: (c) => c.score, render: (c) => <ScoreCell score={c.score} className="justify-end" /> },
    { id: "risk", label: "Risk", align: "right", value: (c) => c.riskScore, render: (c) => (c.riskScore === null ? "—" : c.riskScore.toFixed(1)) },
    { id: "passed", label: "Passed", align: "right", value: (c) => c.controls.passed },
    { id: "failed", label: "Failed", align: "right", value: (c) => c.controls.failed },
    { id: "excepted", label: "Excepted", align: "right", value: (c) => c.controls.excepted },
    { id: "crit", label: "Crit. / high", align: "right", value: (c) => c.failedControlsBySeverity.critical * 1000 + c.failedControlsBySeverity.high, render: (c) => `${c.failedControlsBySeverity.critical} / ${c.failedControlsBySeverity.high}` },
    { id: "resources", label: "Failing resources", align: "right", value: (c) => c.failedResources },
  ];
  const controlColumns: Column<ControlRow>[] = [
    { id: "id", label: "ID", value: (c) => c.id, render: (c) => <Link href={`/o/${org.slug}/controls/${c.id}`} className="font-mono text-xs text-brand-700 hover:underline">{c.id}</Link> },
    { id: "ref", label: "Ref", value: (c) => c.ref, render: (c) => <span className="font-mono text-xs">{c.ref ?? "—"}</span> },
    { id: "name", label: "Control", value: (c) => c.name, render: (c) => <span className="block max-w-sm truncate" title={c.name}>{c.name}</span> },
    { id: "severity", label: "Severity", value: (c) => SEVERITY_RANK[c.severity], render: (c) => <SeverityBadge severity={c.severity} /> },
    { id: "status", label: "Status", value: (c) => FLEET_STATUS_LABELS[c.status], render: (c) => <FleetStatusBadge status={c.status} /> },
    { id: "clusters", label: "Clusters failing", align: "right", value: (c) => c.clustersFailing, render: (c) => `${c.clustersFailing} / ${c.clustersFailing + c.clustersPassing + c.clustersExcepted}` },
    { id: "failed", label: "Failing resources", align: "right", value: (c) => c.failedResources },
    { id: "excepted", label: "Excepted", align: "right", value: (c) => c.exceptedResources },
    { id: "passRate", label: "Pass rate", align: "right", value: (c) => c.passRate, render: (c) => (c.passRate === null ? "—" : `${c.passRate.toFixed(1)}%`) },
  ];
  const evidenceColumns: Column<EvidenceRow>[] = [
    { id: "cluster", label: "Cluster", value: (e) => e.clusterName },
    { id: "control", label: "Control", value: (e) => e.controlId, render: (e) => <span className="font-mono text-xs">{e.controlId}{e.ref && <span className="text-zinc-500"> · {e.ref}</span>}</span> },
    { id: "severity", label: "Severity", value: (e) => SEVERITY_RANK[e.severity], render: (e) => <SeverityBadge severity={e.severity} /> },
    { id: "resource", label: "Object", value: (e) => e.resourceKey, render: (e) => <ResourceName resourceKey={e.resourceKey} /> },
    {
      id: "paths",
      label: "JSON paths",
      sortable: false,
      value: (e) => (e.paths ?? []).join(" "),
      render: (e) => <div className="max-w-xs whitespace-normal">{(e.paths ?? []).map((p) => <code key={p} className="block font-mono text-[11px] [overflow-wrap:anywhere]">{p}</code>)}</div>,
    },
    { id: "first", label: "First seen", value: (e) => e.firstSeenAt, render: (e) => <span className="text-xs">{formatDateTime(new Date(e.firstSeenAt))}</span> },
    { id: "exception", label: "", sortable: false, value: (e) => e.exception?.reason ?? "", render: (e) => (e.exception ? <Badge tone="violet" title={e.exception.reason}>⊘ excepted</Badge> : null) },
  ];

  const link = (format: "csv" | "json" | "html" | "pdf", extra: { part?: string; download?: "1" | "0" } = {}) => reportUrl(org.slug, { ...query, format, ...extra });

  return (
    <div className="space-y-5">
      <PageHeader
        title="Compliance report"
        description="An organization-wide report for one framework over all or filtered clusters: summary, per-cluster and per-control results, and the evidence behind every failure."
        actions={
          <Select aria-label="Framework" value={framework} onChange={(e) => setParams({ framework: e.target.value })} className="w-64">
            {(overview.data?.frameworks ?? [{ id: framework, name: framework }]).map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        }
      />
      <FleetFilterBar options={overview.data?.options} values={filters} onChange={(c) => setParams(c)} />

      <Card>
        <CardBody className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium text-zinc-800">Download</span>
          <a href={link("pdf")} className={buttonClasses("primary", "sm")} data-testid="download-pdf">
            PDF
          </a>
          <a href={link("csv", { part: "controls" })} className={buttonClasses("secondary", "sm")} data-testid="download-csv-controls">
            CSV · controls
          </a>
          <a href={link("csv", { part: "clusters" })} className={buttonClasses("secondary", "sm")} data-testid="download-csv-clusters">
            CSV · clusters
          </a>
          <a href={link("csv", { part: "evidence" })} className={buttonClasses("secondary", "sm")} data-testid="download-csv-evidence">
            CSV · evidence
          </a>
          <a href={link("json", { download: "1" })} className={buttonClasses("secondary", "sm")} data-testid="download-json">
            JSON
          </a>
          <a href={link("html")} target="_blank" rel="noopener" className={buttonClasses("ghost", "sm")} data-testid="printable">
            Printable version ↗
          </a>
          <span className="ml-auto text-xs text-zinc-500">The printable version prints from any browser; the PDF is the same document rendered by the server&apos;s Chromium.</span>
        </CardBody>
      </Card>

      {report.isError ? (
        <Card>
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        </Card>
      ) : !r ? (
        <div className="space-y-3">
          <Skeleton className="h-24" />
          <Skeleton className="h-64" />
        </div>
      ) : (
        <>
          <Card>
            <CardHeader
              title={r.title}
              description={
                <>
                  {r.framework.name} {r.framework.version} · {r.framework.controls} controls · generated {formatDateTime(new Date(r.generatedAt))} · engine {r.versions.engine}, library {r.versions.library}
                </>
              }
            />
            <CardBody className="space-y-3">
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
                <Stat label="Compliance score (mean of clusters)" value={<span data-testid="report-score">{r.summary.score === null ? "—" : `${r.summary.score.toFixed(1)}%`}</span>} />
                <Stat label="Risk score (0 = no risk)" value={r.summary.riskScore === null ? "—" : r.summary.riskScore.toFixed(1)} />
                <Stat label="Clusters evaluated" value={<span data-testid="report-clusters">{`${r.summary.clustersEvaluated} / ${r.summary.clusters}`}</span>} hint={r.summary.staleClusters ? `${r.summary.staleClusters} stale` : undefined} />
                <Stat label="Failing resources" value={<span data-testid="report-failed-resources">{r.summary.failedResources}</span>} hint={`${r.summary.exceptedResources} excepted`} />
              </div>
              <p className="text-sm text-zinc-700" data-testid="report-control-summary">
                Controls: <span className="font-medium text-red-700">{r.summary.controls.failing} failing</span> ({r.summary.failingControlsBySeverity.critical} critical, {r.summary.failingControlsBySeverity.high} high), {r.summary.controls.excepted} excepted,{" "}
                <span className="text-emerald-700">{r.summary.controls.passing} passing</span>, {r.summary.controls.not_evaluated} not evaluated (missing data, manual, nothing to judge).
              </p>
              {r.summary.topRisks.length > 0 && (
                <ul className="space-y-1">
                  {r.summary.topRisks.map((t) => (
                    <li key={t.id} className="flex flex-wrap items-center gap-2 text-sm">
                      <SeverityBadge severity={t.severity} />
                      <Link href={`/o/${org.slug}/controls/${t.id}`} className="text-zinc-800 hover:text-brand-700">
                        {t.name}
                      </Link>
                      <span className="text-xs text-zinc-500">
                        {t.clustersFailing} cluster{t.clustersFailing === 1 ? "" : "s"}, {t.failedResources} resource{t.failedResources === 1 ? "" : "s"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader title={`Clusters (${r.clusters.length})`} />
            <DataTable columns={clusterColumns} rows={r.clusters} rowKey={(c) => c.id} rowTestId={(c) => `report-cluster-${c.name}`} initialSort={{ id: "score", dir: "asc" }} caption="Per-cluster results" empty={<EmptyState title="No cluster matches the filters" />} />
          </Card>

          <Card>
            <CardHeader title={`Controls (${r.controls.length})`} description="Failing controls first, worst severity first." />
            <div className="max-h-[36rem] overflow-y-auto">
              <DataTable columns={controlColumns} rows={r.controls} rowKey={(c) => c.id} rowTestId={(c) => `report-control-${c.id}`} caption="Per-control results" />
            </div>
          </Card>

          <Card>
            <CardHeader
              title={`Evidence (${r.evidenceTotal})`}
              description={`Open findings with their objects, JSON paths and first-seen times${r.evidence.length > EVIDENCE_PREVIEW ? `; first ${EVIDENCE_PREVIEW} shown here, all in the downloads` : ""}.`}
            />
            <div className="max-h-[36rem] overflow-y-auto">
              <DataTable columns={evidenceColumns} rows={r.evidence.slice(0, EVIDENCE_PREVIEW)} rowKey={(e) => `${e.clusterName}|${e.controlId}|${e.resourceKey}`} caption="Evidence" empty={<EmptyState title="No failing object" />} />
            </div>
          </Card>
        </>
      )}
    </div>
  );
}
