"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { AttackPathSteps } from "@/components/rbac/attack-path-steps";
import { GrantPath } from "@/components/rbac/grant-path";
import { PermissionMatrix } from "@/components/rbac/permission-matrix";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { SeverityBadge } from "@/components/rbac/severity";
import { SubjectLabel } from "@/components/rbac/subject-label";
import { useOrg } from "@/components/shell/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState, InlineAlert, TableSkeleton } from "@/components/ui/states";
import { useSubjectPermissions } from "@/lib/queries/rbac";

function objectText(o: { kind: string; name: string; namespace?: string }): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ""}${o.name}`;
}

export function SubjectClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const key = useSearchParams().get("key");
  const perms = useSubjectPermissions(org.slug, clusterId, key);
  const links = rbacLinks(org.slug, clusterId);

  if (!key) {
    return (
      <Card>
        <EmptyState title="No subject chosen" description="Open a subject from the risky grants, who-can answers or the graph." />
      </Card>
    );
  }
  if (perms.isError) return <Card><ErrorState error={perms.error} onRetry={() => perms.refetch()} /></Card>;
  if (perms.isPending) return <Card><TableSkeleton rows={6} columns={8} /></Card>;
  const p = perms.data;

  return (
    <div className="space-y-4" data-testid="subject-page">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">
          <SubjectLabel subject={p.subject} />
        </h2>
        {p.subject.risk && <SeverityBadge severity={p.subject.risk} />}
        {p.groups.map((g) => (
          <Badge key={g} tone="neutral" title="Built-in group every request of this subject carries">
            in {g}
          </Badge>
        ))}
        <Link href={links.graph(`subject:${p.subject.key}`)} className="ml-auto text-xs font-medium text-brand-700 hover:underline">
          Open in graph →
        </Link>
      </div>
      {p.superuser && (
        <InlineAlert tone="red">
          This is (or belongs to) system:masters: the API server allows every request without asking RBAC. Nothing below can restrict it.
        </InlineAlert>
      )}

      <Card>
        <CardHeader title="Effective permissions" description="Own bindings and those of the built-in groups. Select a cell to see the grant paths that allow it." />
        {p.scopes.length ? <PermissionMatrix data={p} /> : <EmptyState title="No resource permissions" description="No binding gives this subject (or its built-in groups) access to any resource." />}
        {p.nonResource.length > 0 && (
          <div className="border-t border-zinc-200 px-4 py-3 text-xs">
            <p className="mb-1 font-medium text-zinc-700">Non-resource URLs</p>
            <ul className="space-y-0.5">
              {p.nonResource.map((n) => (
                <li key={n.url}>
                  <code className="rounded bg-zinc-100 px-1 font-mono">{n.url}</code> <span className="text-zinc-500">verbs</span>{" "}
                  <code className="rounded bg-zinc-100 px-1 font-mono">{n.verbs.join(", ")}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="Bindings" description="Naming the subject, then its built-in groups" />
          {p.bindings.length ? (
            <ul className="divide-y divide-zinc-100 text-sm">
              {p.bindings.map((b, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2 px-4 py-2">
                  <span className="font-medium text-zinc-800">{objectText(b.binding)}</span>
                  <span className="text-zinc-400">→</span>
                  <span>{b.role ? objectText(b.role) : <span className="text-zinc-400">no role</span>}</span>
                  {b.via && <Badge tone="neutral">via {b.via.name}</Badge>}
                  {b.problem && <Badge tone="amber">{b.problem}</Badge>}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Not bound anywhere" description="No RoleBinding or ClusterRoleBinding names this subject or its built-in groups." />
          )}
        </Card>
        <Card>
          <CardHeader title="Risky grants" description="Including those inherited through built-in groups" />
          {p.riskyGrants.length ? (
            <ul className="divide-y divide-zinc-100">
              {p.riskyGrants.map((r) => (
                <li key={r.id} className="space-y-1.5 px-4 py-2">
                  <div className="flex items-center gap-2">
                    <SeverityBadge severity={r.severity} />
                    <span className="text-sm font-medium">{r.title}</span>
                    <span className="font-mono text-xs text-zinc-400">{r.ruleId}</span>
                  </div>
                  {r.grants.map((g, i) => (
                    <GrantPath key={i} grant={g} />
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No risky grants" />
          )}
        </Card>
      </div>

      {(p.workloads.length > 0 || p.attackPaths.length > 0) && (
        <Card>
          <CardHeader title="Workloads running as this service account" description={p.attackPaths.length ? `${p.attackPaths.length} attack path(s) start at them` : undefined} />
          <ul className="divide-y divide-zinc-100 text-sm">
            {p.workloads.map((w) => (
              <li key={objectText(w)} className="flex items-center gap-2 px-4 py-2">
                <span>{objectText(w)}</span>
                <Link href={links.graph(`workload:${w.kind}/${w.namespace ?? ""}/${w.name}`)} className="ml-auto text-xs font-medium text-brand-700 hover:underline">
                  Graph →
                </Link>
              </li>
            ))}
            {p.attackPaths.map((a) => (
              <li key={a.id} className="space-y-1 px-4 py-2">
                <SeverityBadge severity={a.severity} />
                <AttackPathSteps path={a} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
