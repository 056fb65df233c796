// A cluster's stored image vulnerability reports joined to the workloads of its current state
// (ClusterObject → ObjectBlob, as the pipeline left it): per workload, counts by severity, fixable,
// exposure and privilege — what a page needs to say "critical CVE, exposed via Ingress, privileged".
import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { ObjectRef } from "@/lib/engine/types";
import { joinVulnerabilitiesToWorkloads, VULNERABILITY_SEVERITIES, type ImageVulnerabilityReport, type VulnerabilitySeverity, type WorkloadVulnerabilities } from "@/lib/imports";
import { objectKeyOf } from "@/lib/snapshot/protocol";
import { loadObjectBodies } from "@/lib/server/pipeline/load-object-bodies";

// Kinds the join cannot use (no pods, no exposure): not loaded, which keeps big clusters cheap.
const IRRELEVANT_KINDS = ["Secret", "ConfigMap", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount", "Event", "Lease", "Node"];

export type ClusterVulnerabilityWorkload = Omit<WorkloadVulnerabilities, "vulnerabilities"> & {
  /** Stored object key of the workload (`apps/Deployment/shop/web`), as the resources explorer uses. */
  key: string;
  vulnerabilityCount: number;
  /** The worst first (severity, then CVSS), at most `vulnerabilityLimit`. */
  vulnerabilities: WorkloadVulnerabilities["vulnerabilities"];
};

export type ClusterVulnerabilities = {
  cluster: { id: string; name: string };
  /** When the workloads were collected (the latest evaluated snapshot); null before the first one. */
  stateAt: string | null;
  images: { reference: string; imageKey: string; scanner: string; scannedAt: string | null; receivedAt: string; vulnerabilities: number }[];
  totals: {
    workloads: number;
    /** Workloads by their highest severity. */
    bySeverity: Record<VulnerabilitySeverity, number>;
    withFixable: number;
    exposed: number;
    internetFacing: number;
    privileged: number;
    /** Workloads that are exposed, privileged and have a critical vulnerability. */
    criticalExposedPrivileged: number;
  };
  workloads: ClusterVulnerabilityWorkload[];
  /** Images with a report that no current workload runs. */
  unmatchedReports: string[];
};

const SEVERITY_RANK: Record<VulnerabilitySeverity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };

function refKey(ref: ObjectRef): string {
  return objectKeyOf({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { namespace: ref.namespace, name: ref.name } });
}

export async function getClusterVulnerabilities({
  orgId,
  clusterId,
  namespace,
  vulnerabilityLimit = 20,
}: {
  orgId: string;
  clusterId: string;
  namespace?: string;
  vulnerabilityLimit?: number;
}): Promise<ClusterVulnerabilities> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, name: true, latestEvaluatedAt: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const rows = await prisma.imageVulnerabilityReport.findMany({
    where: { orgId, clusterId },
    orderBy: { imageKey: "asc" },
    select: { reference: true, imageKey: true, scanner: true, scannedAt: true, receivedAt: true, vulnerabilityCount: true, report: true },
  });
  const images = rows.map((r) => ({
    reference: r.reference,
    imageKey: r.imageKey,
    scanner: r.scanner,
    scannedAt: r.scannedAt?.toISOString() ?? null,
    receivedAt: r.receivedAt.toISOString(),
    vulnerabilities: r.vulnerabilityCount,
  }));
  const totals: ClusterVulnerabilities["totals"] = {
    workloads: 0,
    bySeverity: Object.fromEntries(VULNERABILITY_SEVERITIES.map((s) => [s, 0])) as Record<VulnerabilitySeverity, number>,
    withFixable: 0,
    exposed: 0,
    internetFacing: 0,
    privileged: 0,
    criticalExposedPrivileged: 0,
  };
  const base = { cluster: { id: cluster.id, name: cluster.name }, stateAt: cluster.latestEvaluatedAt?.toISOString() ?? null, images };
  if (!rows.length) return { ...base, totals, workloads: [], unmatchedReports: [] };

  const state = await prisma.clusterObject.findMany({
    where: { orgId, clusterId, kind: { notIn: IRRELEVANT_KINDS } },
    select: { key: true, hash: true },
    orderBy: { key: "asc" },
  });
  const objects = await loadObjectBodies(orgId, state.map((o): [string, string] => [o.key, o.hash]));
  const join = joinVulnerabilitiesToWorkloads({ objects }, rows.map((r) => r.report as unknown as ImageVulnerabilityReport));

  const workloads: ClusterVulnerabilityWorkload[] = [];
  for (const w of join.workloads) {
    if (namespace !== undefined && (w.workload.namespace ?? "") !== namespace) continue;
    const sorted = [...w.vulnerabilities].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (b.cvss?.score ?? 0) - (a.cvss?.score ?? 0) || a.id.localeCompare(b.id));
    workloads.push({ ...w, key: refKey(w.workload), vulnerabilityCount: w.vulnerabilities.length, vulnerabilities: sorted.slice(0, vulnerabilityLimit) });
    totals.workloads++;
    if (w.highestSeverity) totals.bySeverity[w.highestSeverity]++;
    if (w.fixable > 0) totals.withFixable++;
    if (w.exposed) totals.exposed++;
    if (w.internetFacing) totals.internetFacing++;
    if (w.privileged) totals.privileged++;
    if (w.exposed && w.privileged && w.bySeverity.critical > 0) totals.criticalExposedPrivileged++;
  }
  return { ...base, totals, workloads, unmatchedReports: join.unmatchedReports };
}
