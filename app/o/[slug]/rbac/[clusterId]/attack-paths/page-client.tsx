"use client";

import Link from "next/link";
import { AttackPathSteps } from "@/components/rbac/attack-path-steps";
import { GrantPath } from "@/components/rbac/grant-path";
import { rbacLinks } from "@/components/rbac/rbac-links";
import { SeverityBadge } from "@/components/rbac/severity";
import { useOrg } from "@/components/shell/org-context";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState, ErrorState, TableSkeleton } from "@/components/ui/states";
import { useAttackPaths } from "@/lib/queries/rbac";

export function AttackPathsClient({ clusterId }: { clusterId: string }) {
  const org = useOrg();
  const paths = useAttackPaths(org.slug, clusterId);
  const links = rbacLinks(org.slug, clusterId);
  return (
    <Card>
      <CardHeader
        title="Attack paths"
        description="A workload reachable from outside (LoadBalancer, NodePort, external IPs, Ingress, Gateway routes) or already privileged on its node, whose pods mount a service-account token that carries a dangerous permission. One path per impact, worst first."
      />
      {paths.isError ? (
        <ErrorState error={paths.error} onRetry={() => paths.refetch()} />
      ) : paths.isPending ? (
        <TableSkeleton rows={4} columns={5} />
      ) : paths.data.paths.length ? (
        <ul className="divide-y divide-zinc-100" data-testid="attack-paths">
          {paths.data.paths.map((p) => (
            <li key={p.id} className="space-y-2 px-4 py-3" data-testid={`attack-path-${p.id}`}>
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={p.severity} />
                <span className="text-sm font-medium text-zinc-900">
                  {p.workload.kind} {p.workload.namespace ? `${p.workload.namespace}/` : ""}
                  {p.workload.name} can {p.impactLabel}
                </span>
                <span className="ml-auto flex gap-3 text-xs">
                  <Link href={links.subject(p.serviceAccount.key)} className="font-medium text-brand-700 hover:underline">
                    Service account →
                  </Link>
                  <Link
                    href={links.graph(`workload:${p.workload.kind}/${p.workload.namespace ?? ""}/${p.workload.name}`)}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    Open in graph →
                  </Link>
                </span>
              </div>
              <AttackPathSteps path={p} />
              <details className="text-xs text-zinc-600">
                <summary className="cursor-pointer select-none">The grant used</summary>
                <GrantPath grant={p.grant} className="mt-1" />
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No attack paths" description="No exposed or privileged workload mounts a token whose permissions reach cluster-admin, every Secret, kube-system or the nodes." />
      )}
    </Card>
  );
}
