"use client";

import { SeverityBadge } from "@/components/dashboard/severity-badge";
import { ResourceName } from "@/components/dashboard/resource-name";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { Stat } from "@/components/ui/stat";
import { EmptyState, ErrorState, InlineAlert, Skeleton } from "@/components/ui/states";
import type { Severity } from "@/lib/engine/types";
import { useClusterVulnerabilities, type ClusterVulnerabilitiesData } from "@/lib/queries/cluster-dashboard";

type Workload = ClusterVulnerabilitiesData["workloads"][number];
const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];

function Counts({ counts }: { counts: Record<string, number> }) {
  const present = SEVERITIES.filter((s) => (counts[s] ?? 0) > 0);
  if (!present.length) return <span className="text-xs text-zinc-500">only unknown severity</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {present.map((s) => (
        <span key={s} className="inline-flex items-center gap-1">
          <SeverityBadge severity={s} />
          <span className="text-xs tabular-nums text-zinc-700">{counts[s]}</span>
        </span>
      ))}
    </span>
  );
}

/** One sentence per workload in the words a responder uses: "critical CVE, exposed via Ingress, privileged". */
function headline(w: Workload): string {
  const parts = [w.highestSeverity ? `${w.highestSeverity} vulnerability` : "vulnerabilities"];
  if (w.exposed) parts.push(`exposed via ${[...new Set(w.exposure.map((e) => e.via))].join(", ")}${w.internetFacing ? " (internet-facing)" : ""}`);
  if (w.privileged) parts.push("privileged");
  return parts.join(", ");
}

/** Image vulnerabilities by workload, from imported Trivy/Grype reports joined to the cluster's current workloads. */
export function ClusterVulnerabilitiesTab({ slug, clusterId, onOpenObject }: { slug: string; clusterId: string; onOpenObject: (key: string) => void }) {
  const query = useClusterVulnerabilities(slug, clusterId);
  const v = query.data;
  if (query.isError) return <Card><ErrorState error={query.error} onRetry={() => query.refetch()} /></Card>;
  if (!v) return <Skeleton className="h-72" />;
  if (!v.images.length) {
    return (
      <Card>
        <EmptyState
          title="No vulnerability report attached"
          description={
            <>
              Image vulnerability reports (Trivy JSON, Grype JSON) are joined to the workloads that run each image once they are attached to this cluster. None has been received, so nothing is known about its images&apos; vulnerabilities —
              which is not the same as having none. Attach one with <code className="font-mono text-xs">shipshape import vulns &lt;file&gt; --server … --token …</code>.
            </>
          }
        />
      </Card>
    );
  }
  const t = v.totals;
  return (
    <div className="space-y-5" data-testid="vulnerabilities">
      {t.criticalExposedPrivileged > 0 && (
        <InlineAlert tone="red">
          {t.criticalExposedPrivileged} workload{t.criticalExposedPrivileged === 1 ? " has" : "s have"} a critical vulnerability, can be reached from outside the cluster and run privileged: fix these first.
        </InlineAlert>
      )}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Affected workloads" value={t.workloads} hint={`${v.images.length} image report${v.images.length === 1 ? "" : "s"}`} />
        <Stat label="Critical / high workloads" value={`${t.bySeverity.critical} / ${t.bySeverity.high}`} tone={t.bySeverity.critical ? "red" : undefined} hint="by their worst vulnerability" />
        <Stat label="Exposed" value={t.exposed} tone={t.exposed ? "amber" : undefined} hint={`${t.internetFacing} internet-facing`} />
        <Stat label="With a fix available" value={t.withFixable} hint={`${t.privileged} privileged`} />
      </div>
      <Card>
        <CardHeader title="Workloads" description={<>Worst first; workloads as collected <RelativeTime value={v.stateAt} fallback="(no snapshot yet)" />.</>} />
        {v.workloads.length ? (
          <ul className="divide-y divide-zinc-100">
            {v.workloads.map((w) => (
              <li key={w.key} className="px-4 py-2.5" data-testid={`vulnerable-${w.key}`}>
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                    <button type="button" className="hover:underline" onClick={(e) => { e.preventDefault(); onOpenObject(w.key); }} title="Open in the resources explorer">
                      <ResourceName resourceKey={w.key} />
                    </button>
                    <Counts counts={w.bySeverity} />
                    {w.exposed && <Badge tone="amber">exposed</Badge>}
                    {w.privileged && <Badge tone="red">privileged</Badge>}
                    <span className="ml-auto text-xs text-zinc-500">
                      {w.vulnerabilityCount} vulnerabilit{w.vulnerabilityCount === 1 ? "y" : "ies"} · {w.fixable} fixable
                    </span>
                  </summary>
                  <p className="mt-1 text-xs text-zinc-700">{headline(w)}.</p>
                  {w.exposure.length > 0 && (
                    <ul className="mt-1 text-xs text-zinc-500">
                      {w.exposure.map((e, i) => (
                        <li key={i}>↳ {e.description}</li>
                      ))}
                    </ul>
                  )}
                  <p className="mt-1 text-xs text-zinc-500">Images: {[...new Set(w.containers.map((c) => `${c.image} (${c.matchedBy})`))].join(", ")}</p>
                  <table className="mt-2 w-full text-xs">
                    <caption className="sr-only">Vulnerabilities of {w.key}</caption>
                    <thead>
                      <tr className="text-left text-zinc-500">
                        <th className="py-1 pr-2 font-medium">Severity</th>
                        <th className="py-1 pr-2 font-medium">ID</th>
                        <th className="py-1 pr-2 font-medium">Package</th>
                        <th className="py-1 pr-2 font-medium">Installed → fixed</th>
                        <th className="py-1 pr-2 font-medium">CVSS</th>
                        <th className="py-1 font-medium">Title</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-100">
                      {w.vulnerabilities.map((x) => (
                        <tr key={`${x.id}-${x.package}-${x.installedVersion}`}>
                          <td className="py-1 pr-2">{x.severity === "unknown" ? <Badge tone="neutral">unknown</Badge> : <SeverityBadge severity={x.severity as Severity} />}</td>
                          <td className="py-1 pr-2 font-mono">{x.id}</td>
                          <td className="py-1 pr-2">{x.package}</td>
                          <td className="py-1 pr-2 font-mono">
                            {x.installedVersion} → {x.fixedVersion ?? <span className="text-zinc-400">no fix</span>}
                          </td>
                          <td className="py-1 pr-2 tabular-nums">{x.cvss?.score ?? "—"}</td>
                          <td className="py-1 text-zinc-600">{x.title ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No current workload runs a reported image" />
        )}
      </Card>
      <Card>
        <CardHeader title="Attached reports" />
        <ul className="divide-y divide-zinc-100">
          {v.images.map((i) => (
            <li key={i.imageKey} className="flex flex-wrap items-center gap-2 px-4 py-1.5 text-xs">
              <code className="font-mono text-zinc-800">{i.reference}</code>
              <Badge tone="neutral">{i.scanner}</Badge>
              <span className="text-zinc-500">{i.vulnerabilities} vulnerabilities · scanned <RelativeTime value={i.scannedAt ?? i.receivedAt} /></span>
              {v.unmatchedReports.includes(i.reference) && <Badge tone="amber" title="No current workload runs this image">unmatched</Badge>}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
