"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/queries/api-client";
import { useRbacSummary } from "@/lib/queries/rbac";

const TABS = [
  { path: "", label: "Risky grants" },
  { path: "/graph", label: "Graph explorer" },
  { path: "/who-can", label: "Who can…" },
  { path: "/attack-paths", label: "Attack paths" },
  { path: "/drift", label: "Drift" },
] as const;

/** Header, snapshot line and tabs of a cluster's RBAC pages; an honest empty state without data. */
export function ClusterRbacFrame({ slug, clusterId, children }: { slug: string; clusterId: string; children: ReactNode }) {
  const pathname = usePathname();
  const summary = useRbacSummary(slug, clusterId);
  const root = `/o/${slug}/rbac/${clusterId}`;
  const back = <Link href={`/o/${slug}/rbac`}>← RBAC across the fleet</Link>;

  if (summary.isError) {
    const missing = summary.error instanceof ApiError && summary.error.status === 404;
    return (
      <div>
        <PageHeader eyebrow={back} title={missing ? "Cluster not found" : "RBAC"} />
        <Card>
          {missing ? (
            <EmptyState title="This cluster does not exist in this organization" description="It may have been removed, or the link belongs to another organization." />
          ) : (
            <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
          )}
        </Card>
      </div>
    );
  }
  if (summary.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-6 w-64" />
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  const s = summary.data;
  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={back}
        title={<span>RBAC · {s.cluster.name}</span>}
        description={
          s.snapshot ? (
            <>
              From the snapshot collected <RelativeTime value={s.snapshot.collectedAt} /> · {s.counts.subjects} subjects · {s.counts.bindings} bindings · {s.counts.roles} roles ·{" "}
              {s.counts.workloads} workloads
            </>
          ) : (
            "No RBAC data yet"
          )
        }
        actions={
          <Link href={`/o/${slug}/clusters/${clusterId}`} className="text-xs font-medium text-brand-700 hover:underline">
            Cluster page →
          </Link>
        }
      />
      {s.missingObjects > 0 && (
        <InlineAlert tone="amber">
          {s.missingObjects} object{s.missingObjects === 1 ? "" : "s"} of this snapshot are no longer in the object store (pruned); the views below are computed without them.
        </InlineAlert>
      )}
      {!s.snapshot ? (
        <Card>
          <EmptyState
            title="No RBAC data for this cluster yet"
            description="Roles, bindings and service accounts appear here once the agent has pushed a snapshot and it has been evaluated. Check the cluster page for the agent's status."
          />
        </Card>
      ) : (
        <>
          <nav className="flex gap-1 border-b border-zinc-200" aria-label="RBAC views">
            {TABS.map((tab) => {
              const href = `${root}${tab.path}`;
              const active = tab.path === "" ? pathname === root || pathname.startsWith(`${root}/subject`) : pathname.startsWith(href);
              return (
                <Link
                  key={tab.path}
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn("-mb-px border-b-2 px-3 py-2 text-sm", active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-zinc-600 hover:text-zinc-900")}
                >
                  {tab.label}
                </Link>
              );
            })}
          </nav>
          {children}
        </>
      )}
    </div>
  );
}
