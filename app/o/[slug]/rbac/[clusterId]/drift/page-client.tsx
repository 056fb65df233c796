"use client";

import { useState } from "react";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { RiskyGrantRows } from "@/components/rbac/risky-grant-rows";
import { SINCE_OPTIONS } from "@/components/rbac/since-options";
import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/form-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { useRbacDrift } from "@/lib/queries/rbac";

const CHANGE_TONE = { added: "green", changed: "amber", removed: "red" } as const;

export function RbacDriftClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const [since, setSince] = useState("7d");
  const drift = useRbacDrift(org.slug, clusterId, since);
  const links = rbacLinks(org.slug, clusterId);
  const d = drift.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          Changes in
          <Select aria-label="Period" value={since} onChange={(e) => setSince(e.target.value)} className="w-48">
            {SINCE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </label>
        {d?.baseline && (
          <span className="text-xs text-zinc-500">
            Comparing the snapshot of <RelativeTime value={d.baseline.collectedAt} /> with the latest (<RelativeTime value={d.current?.collectedAt} />).
          </span>
        )}
      </div>
      {drift.isError ? (
        <Card>
          <ErrorState error={drift.error} onRetry={() => drift.refetch()} />
        </Card>
      ) : drift.isPending ? (
        <Card>
          <TableSkeleton rows={5} columns={4} />
        </Card>
      ) : !d!.baseline || d!.baseline.snapshotId === d!.current?.snapshotId ? (
        <Card>
          <EmptyState title="Nothing to compare yet" description="The cluster has a single evaluated snapshot in this period; drift appears after the next one." />
        </Card>
      ) : (
        <>
          {d!.baselineIsFirstSnapshot && <InlineAlert tone="blue">The cluster's first snapshot is more recent than the period asked: it is the baseline.</InlineAlert>}
          <Card>
            <CardHeader title={`New risky grants (${d!.newRiskyGrants.length})`} description="Rule × subject pairs that did not exist at the baseline" />
            {d!.newRiskyGrants.length ? (
              <RiskyGrantRows rows={d!.newRiskyGrants} subjectHref={(r) => links.subject(r.subject.key)} testId="drift-new" />
            ) : (
              <EmptyState title="No new risky grants" />
            )}
          </Card>
          {d!.widenedRiskyGrants.length > 0 && (
            <Card>
              <CardHeader title={`Widened (${d!.widenedRiskyGrants.length})`} description="Risky grants that existed and now have more paths; only the new paths are shown" />
              <RiskyGrantRows rows={d!.widenedRiskyGrants} subjectHref={(r) => links.subject(r.subject.key)} />
            </Card>
          )}
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader title={`Resolved (${d!.resolvedRiskyGrants.length})`} description="Risky grants that no longer exist" />
              {d!.resolvedRiskyGrants.length ? (
                <RiskyGrantRows rows={d!.resolvedRiskyGrants} subjectHref={(r) => links.subject(r.subject.key)} />
              ) : (
                <EmptyState title="None resolved" />
              )}
            </Card>
            <Card>
              <CardHeader title={`RBAC objects changed (${d!.objectChangesTotal})`} />
              {d!.objectChanges.length ? (
                <ul className="divide-y divide-zinc-100 text-xs">
                  {d!.objectChanges.map((c) => (
                    <li key={c.key} className="flex items-center gap-2 px-4 py-1.5">
                      <Badge tone={CHANGE_TONE[c.change]}>{c.change}</Badge>
                      <span className="font-mono text-zinc-700">{c.key.split("/").slice(1).filter(Boolean).join(" ")}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState title="No RBAC object changed" />
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
