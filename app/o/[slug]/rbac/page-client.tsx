"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { RiskyGrantRows } from "@/components/rbac/risky-grant-rows";
import { SeverityBadge, SeverityCounts, SeverityIcon, SEVERITY_STYLE } from "@/components/rbac/severity";
import { SINCE_OPTIONS } from "@/components/rbac/since-options";
import { SubjectLabel } from "@/components/rbac/subject-label";
import { useOrg } from "@/components/shell/org-context";
import { DataTable, type Column } from "@/components/tables/data-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Input, Select } from "@/components/ui/form-field";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { useFleetRbacDrift, useFleetSubjects, useRbacFleetOverview, type FleetRbacOverviewData, type FleetSubjectsData } from "@/lib/queries/rbac";

const VIEWS = [
  { id: "clusters", label: "Clusters" },
  { id: "subjects", label: "Subjects across clusters" },
  { id: "drift", label: "New risky grants" },
] as const;
type View = (typeof VIEWS)[number]["id"];

type ClusterRow = FleetRbacOverviewData["clusters"][number];
type SubjectRow = FleetSubjectsData["subjects"][number];
const SEVERITY_SCORE = { critical: 0, high: 1, medium: 2, low: 3 } as const;

function ClustersView({ slug }: { slug: string }) {
  const overview = useRbacFleetOverview(slug);
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  if (overview.isPending) return <TableSkeleton rows={5} columns={5} />;
  const columns: Column<ClusterRow>[] = [
    {
      id: "name",
      label: "Cluster",
      value: (r) => r.name,
      render: (r) => (
        <Link href={`/o/${slug}/rbac/${r.id}`} className="font-medium text-zinc-900 hover:text-brand-700">
          {r.name}
        </Link>
      ),
    },
    { id: "environment", label: "Environment", value: (r) => r.environment },
    {
      id: "snapshot",
      label: "RBAC data",
      value: (r) => r.snapshot?.collectedAt ?? "",
      render: (r) => (r.snapshot ? <RelativeTime value={r.snapshot.collectedAt} /> : <span className="text-zinc-400">none yet</span>),
    },
    { id: "subjects", label: "Subjects", value: (r) => (r.snapshot ? r.subjects : null), align: "right" },
    {
      id: "risky",
      label: "Risky grants",
      value: (r) => r.riskyGrants.critical * 1e6 + r.riskyGrants.high * 1e3 + r.riskyGrants.medium,
      render: (r) => (r.snapshot ? <SeverityCounts counts={r.riskyGrants} /> : null),
    },
    {
      id: "paths",
      label: "Attack paths",
      value: (r) => r.attackPaths.critical * 1e3 + r.attackPaths.high,
      render: (r) => (r.snapshot ? <SeverityCounts counts={r.attackPaths} /> : null),
    },
  ];
  return (
    <>
      {overview.data.errors.length > 0 && (
        <div className="p-3">
          <InlineAlert tone="amber">Not analysed: {overview.data.errors.map((e) => e.clusterName).join(", ")}. The other clusters are shown.</InlineAlert>
        </div>
      )}
      <DataTable
        columns={columns}
        rows={overview.data.clusters}
        rowKey={(r) => r.id}
        rowTestId={(r) => `rbac-cluster-${r.name}`}
        initialSort={{ id: "risky", dir: "desc" }}
        csvFileName="rbac-clusters.csv"
        empty={<EmptyState title="No clusters yet" description="Register a cluster and install the agent; its RBAC appears after the first snapshot." />}
      />
    </>
  );
}

function SubjectsView({ slug }: { slug: string }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [kind, setKind] = useState("");
  const [minSeverity, setMinSeverity] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const subjects = useFleetSubjects(slug, { q: q || undefined, kind: kind || undefined, minSeverity: minSeverity || undefined });
  const total = subjects.data?.clustersWithData ?? 0;
  const columns: Column<SubjectRow>[] = [
    { id: "subject", label: "Subject", value: (r) => r.subject.key, render: (r) => <SubjectLabel subject={r.subject} /> },
    {
      id: "admin",
      label: "Cluster-admin",
      value: (r) => r.clusterAdminIn,
      render: (r) =>
        r.clusterAdminIn ? (
          <span className="font-semibold text-red-700" data-testid="cluster-admin-count">
            cluster-admin in {r.clusterAdminIn} of {total} clusters
          </span>
        ) : (
          <span className="text-zinc-400">in none</span>
        ),
    },
    { id: "present", label: "Bound in", value: (r) => r.presentIn, render: (r) => `${r.presentIn} of ${total}`, align: "right" },
    { id: "worst", label: "Worst", value: (r) => (r.worst ? SEVERITY_SCORE[r.worst] : 9), render: (r) => (r.worst ? <SeverityBadge severity={r.worst} /> : null) },
    {
      id: "clusters",
      label: "Where",
      value: (r) => r.clusters.map((c) => c.clusterName).join(" "),
      render: (r) => (
        <span className="flex flex-wrap gap-1">
          {r.clusters.map((c) => (
            <Link
              key={c.clusterId}
              href={rbacLinks(slug, c.clusterId).subject(r.subject.key)}
              title={c.rules.length ? `${c.rules.join(", ")}` : "bound, no risky grant"}
              className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs ring-1 ring-inset hover:underline", c.risk ? SEVERITY_STYLE[c.risk].badge : "bg-zinc-50 text-zinc-600 ring-zinc-200")}
            >
              {c.risk && <SeverityIcon severity={c.risk} />}
              {c.clusterName}
              {c.clusterAdmin && <span className="font-semibold">· admin</span>}
            </Link>
          ))}
        </span>
      ),
    },
  ];
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2">
        <Input aria-label="Search subjects" placeholder="alice@corp, ci-deployer, system:…" value={text} onChange={(e) => setText(e.target.value)} className="w-72" />
        <Select aria-label="Subject kind" value={kind} onChange={(e) => setKind(e.target.value)} className="w-44">
          <option value="">All kinds</option>
          <option value="User">Users</option>
          <option value="Group">Groups</option>
          <option value="ServiceAccount">Service accounts</option>
        </Select>
        <Select aria-label="Minimum severity" value={minSeverity} onChange={(e) => setMinSeverity(e.target.value)} className="w-44">
          <option value="">Any risk</option>
          <option value="critical">Critical somewhere</option>
          <option value="high">High or worse</option>
          <option value="medium">Medium or worse</option>
        </Select>
        {subjects.data && (
          <span className="text-xs text-zinc-500">
            {subjects.data.total} subject{subjects.data.total === 1 ? "" : "s"} in {subjects.data.clustersWithData} of {subjects.data.totalClusters} clusters with RBAC data
            {subjects.data.total > subjects.data.subjects.length ? ` (first ${subjects.data.subjects.length})` : ""}
          </span>
        )}
      </div>
      {subjects.isError ? (
        <ErrorState error={subjects.error} onRetry={() => subjects.refetch()} />
      ) : subjects.isPending ? (
        <TableSkeleton rows={6} columns={5} />
      ) : (
        <DataTable
          columns={columns}
          rows={subjects.data.subjects}
          rowKey={(r) => r.subject.key}
          rowTestId={(r) => `fleet-subject-${r.subject.key}`}
          csvFileName="rbac-subjects.csv"
          empty={<EmptyState title="No subject matches" description={total ? "Try another name or fewer filters." : "No cluster has RBAC data yet."} />}
        />
      )}
    </div>
  );
}

function DriftView({ slug }: { slug: string }) {
  const [since, setSince] = useState("7d");
  const drift = useFleetRbacDrift(slug, since);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2">
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          Appeared in
          <Select aria-label="Period" value={since} onChange={(e) => setSince(e.target.value)} className="w-48">
            {SINCE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </label>
        {drift.data && (
          <span className="text-xs text-zinc-500">
            {drift.data.grants.length} new or widened, {drift.data.resolved} resolved across {drift.data.clusters.length} cluster{drift.data.clusters.length === 1 ? "" : "s"}
          </span>
        )}
      </div>
      {drift.isError ? (
        <ErrorState error={drift.error} onRetry={() => drift.refetch()} />
      ) : drift.isPending ? (
        <TableSkeleton rows={5} columns={4} />
      ) : drift.data.grants.length ? (
        <RiskyGrantRows
          rows={drift.data.grants}
          testId="fleet-drift"
          subjectHref={(r) => rbacLinks(slug, r.clusterId!).subject(r.subject.key)}
          aside={(r) => {
            const row = r as (typeof drift.data.grants)[number];
            return (
              <span className="flex items-center gap-1.5">
                <Badge tone={row.change === "new" ? "red" : "amber"}>{row.change}</Badge>
                <Link href={`/o/${slug}/rbac/${row.clusterId}/drift`} className="text-xs font-medium text-brand-700 hover:underline">
                  {row.clusterName}
                </Link>
              </span>
            );
          }}
        />
      ) : (
        <EmptyState title="No new risky grants" description="Nothing riskier appeared in this period in any cluster with RBAC history." />
      )}
    </div>
  );
}

export function RbacFleetClient() {
  const org = useOrg();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = (VIEWS.find((v) => v.id === params.get("view"))?.id ?? "clusters") as View;
  return (
    <div className="space-y-4">
      <PageHeader
        title="RBAC"
        description="Who can do what in every cluster: risky grants, attack paths, the same identities across clusters, and what changed. Open a cluster for its graph explorer and who-can."
      />
      <nav className="flex gap-1 border-b border-zinc-200" aria-label="Fleet RBAC views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            onClick={() => router.replace(`${pathname}?view=${v.id}`)}
            aria-current={view === v.id ? "page" : undefined}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm", view === v.id ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-zinc-600 hover:text-zinc-900")}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <Card>
        <CardHeader
          title={VIEWS.find((v) => v.id === view)!.label}
          description={
            view === "clusters"
              ? "Risk per cluster from its latest snapshot; clusters without RBAC data are listed so the gap is visible."
              : view === "subjects"
                ? "The same user, group or service account name in every cluster, most widely privileged first."
                : "Risky grants that appeared or widened, per cluster, compared with each cluster's state at the start of the period."
          }
        />
        {view === "clusters" ? <ClustersView slug={org.slug} /> : view === "subjects" ? <SubjectsView slug={org.slug} /> : <DriftView slug={org.slug} />}
      </Card>
    </div>
  );
}
