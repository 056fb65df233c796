"use client";

import Link from "next/link";
import { useState } from "react";
import { GrantPath } from "@/components/rbac/grant-path";
import { SeverityBadge, SeverityCounts, SeverityIcon, SEVERITY_STYLE } from "@/components/rbac/severity";
import { SubjectLabel } from "@/components/rbac/subject-label";
import { useOrg } from "@/components/shell/org-context";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/form-field";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import { cn } from "@/components/ui/cn";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { useRbacSummary, useRiskyGrants, type RiskyGrantRowData } from "@/lib/queries/rbac";

function RiskyGrantItem({ row, slug, clusterId }: { row: RiskyGrantRowData; slug: string; clusterId: string }) {
  const [open, setOpen] = useState(false);
  const links = rbacLinks(slug, clusterId);
  return (
    <li className="px-4 py-2.5" data-testid={`risky-grant-${row.id}`}>
      <div className="flex flex-wrap items-center gap-3">
        <SeverityBadge severity={row.severity} />
        <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} className="min-w-0 flex-1 text-left">
          <span className="text-sm font-medium text-zinc-900">{row.title}</span> <span className="font-mono text-xs text-zinc-400">{row.ruleId}</span>
          <span className="block text-xs text-zinc-500">
            {row.grants.length} grant path{row.grants.length === 1 ? "" : "s"} · {open ? "hide" : "show"}
          </span>
        </button>
        <Link href={links.subject(row.subject.key)} className="min-w-0 max-w-[22rem] hover:underline">
          <SubjectLabel subject={row.subject} />
        </Link>
        <Link href={links.graph(`subject:${row.subject.key}`, row.ruleId)} className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-inset ring-brand-100 hover:bg-brand-50">
          Open in graph
        </Link>
      </div>
      {open && (
        <ul className="mt-2 space-y-2 border-l-2 border-zinc-200 pl-3">
          <li className="text-xs text-zinc-600">The subject {row.capability}.</li>
          {row.grants.map((g, i) => (
            <li key={i}>
              <GrantPath grant={g} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function RiskyGrantsClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const [minSeverity, setMinSeverity] = useState("");
  const [q, setQ] = useState("");
  const summary = useRbacSummary(org.slug, clusterId);
  const grants = useRiskyGrants(org.slug, clusterId, { minSeverity: minSeverity || undefined, q: q.trim() || undefined });
  const links = rbacLinks(org.slug, clusterId);
  const s = summary.data;

  return (
    <div className="space-y-4">
      {s && (
        <div className="grid gap-4 md:grid-cols-3">
          <Card>
            <CardHeader title="Risky grants" description="Rule × subject, judged on the subject's own bindings" />
            <CardBody>
              <SeverityCounts counts={s.riskyGrants} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Attack paths"
              description="Exposed or privileged workload → token → permission"
              actions={
                <Link href={links.attackPaths} className="text-xs font-medium text-brand-700 hover:underline">
                  View →
                </Link>
              }
            />
            <CardBody>
              <SeverityCounts counts={s.attackPaths} empty="none found" />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Riskiest subjects" />
            <ul className="divide-y divide-zinc-100">
              {s.topSubjects.slice(0, 4).map((t) => (
                <li key={t.key} className="flex items-center gap-2 px-4 py-1.5">
                  <SeverityIcon severity={t.risk} />
                  <Link href={links.subject(t.key)} className="min-w-0 flex-1 hover:underline">
                    <SubjectLabel subject={t} />
                  </Link>
                  <span className={cn("text-xs", SEVERITY_STYLE[t.risk].text)}>{t.rules} rules</span>
                </li>
              ))}
              {!s.topSubjects.length && <li className="px-4 py-2 text-xs text-zinc-400">No subject has a risky grant.</li>}
            </ul>
          </Card>
        </div>
      )}
      <Card>
        <CardHeader
          title="Risky grants"
          description={grants.data ? `${grants.data.total} rule × subject pair${grants.data.total === 1 ? "" : "s"}${grants.data.total > grants.data.grants.length ? ` (first ${grants.data.grants.length} shown)` : ""}` : undefined}
          actions={
            <div className="flex items-center gap-2">
              <Input aria-label="Filter by subject or rule" placeholder="Filter subject or rule…" value={q} onChange={(e) => setQ(e.target.value)} className="w-56" />
              <Select aria-label="Minimum severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)} className="w-40">
                <option value="">All severities</option>
                <option value="critical">Critical only</option>
                <option value="high">High and above</option>
                <option value="medium">Medium and above</option>
              </Select>
            </div>
          }
        />
        {grants.isError ? (
          <ErrorState error={grants.error} onRetry={() => grants.refetch()} />
        ) : grants.isPending ? (
          <TableSkeleton rows={6} columns={4} />
        ) : grants.data.grants.length ? (
          <ul className="divide-y divide-zinc-100" data-testid="risky-grants">
            {grants.data.grants.map((row) => (
              <RiskyGrantItem key={row.id} row={row} slug={org.slug} clusterId={clusterId} />
            ))}
          </ul>
        ) : (
          <EmptyState title={q || minSeverity ? "No risky grant matches these filters" : "No risky grants"} description="No subject's own bindings give any of the risky capabilities the explorer checks." />
        )}
      </Card>
    </div>
  );
}
