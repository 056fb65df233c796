"use client";

import Link from "next/link";
import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { ControlStatusBadge, CONTROL_STATUS_LABELS } from "@/components/dashboard/status-badge";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/form-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import type { ControlStatus } from "@/lib/engine/types";
import { useClusterControls, type ClusterControlsData } from "@/lib/queries/cluster-dashboard";

type Row = ClusterControlsData["controls"][number];
const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const STATUSES: ControlStatus[] = ["failed", "excepted", "passed", "skipped", "manual", "not_applicable"];

/** Every control of the selected framework in the cluster's latest evaluation. */
export function ClusterControlsTab({
  slug,
  clusterId,
  clusterName,
  framework,
  frameworkName,
  status,
  onChange,
}: {
  slug: string;
  clusterId: string;
  clusterName: string;
  framework: string;
  frameworkName: string;
  status: string;
  onChange: (changes: { status?: string }) => void;
}) {
  const controls = useClusterControls(slug, clusterId, framework);
  const data = controls.data;
  const rows = (data?.controls ?? []).filter((c) => !status || c.status === status);
  const columns: Column<Row>[] = [
    { id: "status", label: "Status", value: (r) => STATUSES.indexOf(r.status), render: (r) => <ControlStatusBadge status={r.status} /> },
    { id: "severity", label: "Severity", value: (r) => SEVERITY_RANK[r.severity], render: (r) => <SeverityBadge severity={r.severity} /> },
    {
      id: "control",
      label: "Control",
      value: (r) => r.id,
      render: (r) => (
        <div className="max-w-md whitespace-normal">
          <Link href={`/o/${slug}/controls/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700">
            {r.name}
          </Link>
          <div className="text-xs text-zinc-500">
            <span className="font-mono">{r.id}</span>
            {r.ref && <> · {frameworkName} {r.ref}</>}
          </div>
        </div>
      ),
    },
    {
      id: "failed",
      label: "Failed / total",
      align: "right",
      value: (r) => r.failed,
      render: (r) => {
        const total = r.passed + r.failed + r.excepted;
        return total ? (
          <span className="tabular-nums">
            <span className={r.failed ? "font-medium text-red-700" : "text-zinc-500"}>{r.failed}</span>
            <span className="text-zinc-400"> / {total}</span>
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        );
      },
    },
    { id: "excepted", label: "Excepted", align: "right", value: (r) => r.excepted },
    {
      id: "since",
      label: "Failing since",
      value: (r) => r.failingSince ?? "",
      render: (r) =>
        r.failingSince ? (
          <span className="text-xs">
            <RelativeTime value={r.failingSince} />
            {r.reopened > 0 && (
              <Badge tone="amber" className="ml-1" title={`${r.reopened} finding(s) were fixed before and came back`}>
                reopened
              </Badge>
            )}
          </span>
        ) : (
          <span className="text-zinc-400">—</span>
        ),
    },
  ];
  return (
    <Card>
      {controls.isError ? (
        <ErrorState error={controls.error} onRetry={() => controls.refetch()} />
      ) : !data ? (
        <TableSkeleton rows={10} columns={6} />
      ) : !data.snapshot ? (
        <EmptyState title="No evaluation yet" description="Controls appear after the agent's first snapshot is evaluated." />
      ) : (
        <DataTable
          toolbar={
            <>
              <Select aria-label="Control status" value={status} onChange={(e) => onChange({ status: e.target.value })} className="w-44">
                <option value="">Any status</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CONTROL_STATUS_LABELS[s]} ({data.counts[s]})
                  </option>
                ))}
              </Select>
              <span className="text-xs text-zinc-500">
                {rows.length} of {data.controls.length} {frameworkName} controls · evaluated <RelativeTime value={data.snapshot.collectedAt} /> · library {data.snapshot.libraryVersion ?? "?"}
              </span>
            </>
          }
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `cluster-control-${r.id}`}
          csvFileName={`${clusterName}-${framework}-controls.csv`}
          caption={`Controls of ${clusterName}`}
          empty={<EmptyState title="No control with this status" />}
        />
      )}
    </Card>
  );
}
