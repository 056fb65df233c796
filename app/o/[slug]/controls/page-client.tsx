"use client";

import Link from "next/link";
import { FleetFilterBar } from "@/components/dashboard/fleet-filter-bar";
import { SeverityBadge, SEVERITY_ORDER, severityLabel } from "@/components/dashboard/severity-badge";
import { FleetStatusBadge, FLEET_STATUS_LABELS } from "@/components/dashboard/status-badge";
import { useUrlParams } from "@/components/dashboard/use-url-params";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import { useControlCatalog, type ControlCatalogData } from "@/lib/queries/dashboard";

type Row = ControlCatalogData["controls"][number];
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function ControlsClient() {
  const org = useOrg();
  const [params, setParams] = useUrlParams<"framework" | "severity" | "category" | "status" | "q" | "provider" | "environment" | "label">();
  // The text search filters the loaded list as you type; every other filter is the server's.
  const { q, ...serverParams } = params;
  const catalog = useControlCatalog(org.slug, serverParams);
  const text = (q ?? "").trim().toLowerCase();
  const data = catalog.data;
  const rows = (data?.controls ?? []).filter((c) => !text || c.id.toLowerCase().includes(text) || c.name.toLowerCase().includes(text));
  const fleetQuery = new URLSearchParams(Object.entries({ provider: params.provider, environment: params.environment, label: params.label }).filter(([, v]) => v) as [string, string][]).toString();

  const columns: Column<Row>[] = [
    { id: "id", label: "ID", value: (r) => r.id, render: (r) => <span className="font-mono text-xs text-zinc-600">{r.id}</span> },
    {
      id: "name",
      label: "Control",
      value: (r) => r.name,
      render: (r) => (
        <div className="max-w-md whitespace-normal">
          <Link href={`/o/${org.slug}/controls/${r.id}${fleetQuery ? `?${fleetQuery}` : ""}`} className="font-medium text-zinc-900 hover:text-brand-700">
            {r.name}
          </Link>
          <div className="mt-0.5 text-xs text-zinc-500">
            {r.category}
            {r.needs.includes("node") && " · needs node facts"}
            {r.needs.includes("cloud") && " · needs cloud data"}
            {r.manual && " · manual"}
          </div>
        </div>
      ),
    },
    { id: "severity", label: "Severity", value: (r) => SEVERITY_RANK[r.severity], render: (r) => <SeverityBadge severity={r.severity} /> },
    {
      id: "frameworks",
      label: "Frameworks",
      sortable: false,
      value: (r) => r.frameworks.map((f) => `${f.shortName}${f.ref ? ` ${f.ref}` : ""}`).join("; "),
      render: (r) => (
        <div className="flex max-w-xs flex-wrap gap-1 whitespace-normal">
          {r.frameworks.slice(0, 4).map((f) => (
            <span key={f.id} className="rounded bg-zinc-100 px-1 text-[11px] text-zinc-600" title={f.ref ? `${f.shortName} ${f.ref}` : f.shortName}>
              {f.shortName}
              {f.ref && <span className="font-mono text-zinc-500"> {f.ref.length > 14 ? `${f.ref.slice(0, 14)}…` : f.ref}</span>}
            </span>
          ))}
          {r.frameworks.length > 4 && <span className="text-[11px] text-zinc-500">+{r.frameworks.length - 4}</span>}
        </div>
      ),
    },
    { id: "status", label: "Fleet status", value: (r) => FLEET_STATUS_LABELS[r.fleet.status], render: (r) => <FleetStatusBadge status={r.fleet.status} /> },
    {
      id: "clusters",
      label: "Clusters failing",
      align: "right",
      value: (r) => r.fleet.clustersFailing,
      render: (r) => (
        <span className="tabular-nums">
          <span className={r.fleet.clustersFailing ? "font-medium text-zinc-900" : "text-zinc-500"}>{r.fleet.clustersFailing}</span>
          <span className="text-zinc-400">/{r.fleet.clustersFailing + r.fleet.clustersPassing + r.fleet.clustersExcepted}</span>
        </span>
      ),
    },
    { id: "failed", label: "Failed resources", align: "right", value: (r) => r.fleet.failedResources },
    { id: "passRate", label: "Pass rate", align: "right", value: (r) => r.fleet.passRate, render: (r) => (r.fleet.passRate === null ? <span className="text-zinc-400">—</span> : `${r.fleet.passRate.toFixed(1)}%`) },
  ];

  const counts = data ? Object.fromEntries((["failing", "excepted", "passing", "not_evaluated"] as const).map((s) => [s, rows.filter((c) => c.fleet.status === s).length])) : null;

  return (
    <div>
      <PageHeader
        title="Controls"
        description={`The Shipshape control library${data ? ` (${data.total} controls)` : ""} and how each one stands across the latest evaluation of ${data ? `${data.clustersEvaluated} cluster${data.clustersEvaluated === 1 ? "" : "s"}` : "your clusters"}.`}
      />
      <Card>
        {catalog.isError ? (
          <ErrorState error={catalog.error} onRetry={() => catalog.refetch()} />
        ) : !data ? (
          <TableSkeleton rows={10} columns={7} />
        ) : (
          <DataTable
            toolbar={
              <div className="flex w-full flex-col gap-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Input aria-label="Search controls" placeholder="Search id or name…" value={params.q ?? ""} onChange={(e) => setParams({ q: e.target.value })} className="w-56" />
                  <Select aria-label="Framework" value={params.framework ?? ""} onChange={(e) => setParams({ framework: e.target.value })} className="w-56">
                    <option value="">All frameworks</option>
                    {data.frameworks
                      .filter((f) => f.id !== "all")
                      .map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.name}
                        </option>
                      ))}
                  </Select>
                  <Select aria-label="Severity" value={params.severity ?? ""} onChange={(e) => setParams({ severity: e.target.value })} className="w-36">
                    <option value="">Any severity</option>
                    {SEVERITY_ORDER.map((s) => (
                      <option key={s} value={s}>
                        {severityLabel(s)}
                      </option>
                    ))}
                  </Select>
                  <Select aria-label="Category" value={params.category ?? ""} onChange={(e) => setParams({ category: e.target.value })} className="w-40">
                    <option value="">Any category</option>
                    {data.categories.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                  <Select aria-label="Fleet status" value={params.status ?? ""} onChange={(e) => setParams({ status: e.target.value })} className="w-40">
                    <option value="">Any status</option>
                    {(["failing", "excepted", "passing", "not_evaluated"] as const).map((s) => (
                      <option key={s} value={s}>
                        {FLEET_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </Select>
                </div>
                <FleetFilterBar options={data.options} values={{ provider: params.provider, environment: params.environment, label: params.label }} onChange={(c) => setParams(c)}>
                  <span className="text-xs text-zinc-500">Across clusters:</span>
                </FleetFilterBar>
                {counts && (
                  <p className="text-xs text-zinc-500" aria-live="polite">
                    {rows.length} shown · {counts.failing} failing · {counts.excepted} excepted · {counts.passing} passing · {counts.not_evaluated} not evaluated
                  </p>
                )}
              </div>
            }
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `control-row-${r.id}`}
            csvFileName={`${org.slug}-controls.csv`}
            caption="Controls with their fleet status"
            empty={<EmptyState title="No control matches" description="Loosen the filters to see more of the library." />}
          />
        )}
      </Card>
    </div>
  );
}
