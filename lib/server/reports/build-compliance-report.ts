import { getFramework } from "@/lib/controls/frameworks";
import { LIBRARY_VERSION } from "@/lib/controls";
import { prisma } from "@/lib/db/client";
import type { ControlStatus, Severity } from "@/lib/engine/types";
import { ENGINE_VERSION } from "@/lib/engine/run-scan";
import { shortFrameworkName } from "@/lib/server/clusters/framework-names";
import type { ClusterStatus } from "@/lib/server/clusters/cluster-status";
import { controlFacts, SEVERITY_RANK } from "@/lib/server/dashboard/control-facts";
import { countsOfSnapshots } from "@/lib/server/dashboard/control-scores-cache";
import { evaluateCurrentState } from "@/lib/server/dashboard/evaluate-current-state";
import { meanScore } from "@/lib/server/dashboard/fleet-score";
import { DEFAULT_FRAMEWORK, type FleetFilters } from "@/lib/server/dashboard/fleet-filters";
import { latestEvaluations } from "@/lib/server/dashboard/latest-evaluations";
import { fleetStatusOf, type FleetControlStatus } from "@/lib/server/dashboard/list-control-catalog";
import { listScopedClusters } from "@/lib/server/dashboard/list-scoped-clusters";
import { withMessages } from "@/lib/server/pipeline/finding-messages";

/** Evidence rows kept in one report; the JSON says when more exist. */
export const EVIDENCE_LIMIT = 5_000;
/** Clusters whose failing objects get JSON paths (each needs its objects re-evaluated). */
export const EVIDENCE_PATH_CLUSTERS = 25;


export type ReportCluster = {
  id: string;
  name: string;
  provider: string;
  environment: string;
  region: string | null;
  kubernetesVersion: string | null;
  agentStatus: ClusterStatus;
  evaluatedAt: Date | null;
  snapshotId: string | null;
  libraryVersion: string | null;
  /** The engine's framework scores for the cluster's latest evaluation. */
  score: number | null;
  riskScore: number | null;
  controls: { passed: number; failed: number; excepted: number; notScored: number };
  failedControlsBySeverity: Record<Severity, number>;
  failedResources: number;
  collectionErrors: number;
};

export type ReportControl = {
  id: string;
  name: string;
  severity: Severity;
  ref: string | null;
  status: FleetControlStatus;
  clustersFailing: number;
  clustersPassing: number;
  clustersExcepted: number;
  clustersNotScored: number;
  failedResources: number;
  exceptedResources: number;
  passRate: number | null;
};

export type ReportEvidence = {
  clusterName: string;
  controlId: string;
  ref: string | null;
  severity: Severity;
  resourceKey: string;
  message: string;
  /** JSON paths at fault; null when the cluster was past EVIDENCE_PATH_CLUSTERS. */
  paths: string[] | null;
  firstSeenAt: Date;
  /** The cluster's latest evaluation, which still found it. */
  lastSeenAt: Date | null;
  occurrence: number;
  exception: { id: string; reason: string; owner: string | null; expiresAt: Date | null } | null;
};

export type ComplianceReport = {
  title: string;
  generatedAt: Date;
  framework: { id: string; name: string; shortName: string; version: string; controls: number };
  filters: FleetFilters;
  versions: { engine: string; library: string; evaluatedWith: string[] };
  summary: {
    score: number | null;
    riskScore: number | null;
    clusters: number;
    clustersEvaluated: number;
    staleClusters: number;
    partialClusters: number;
    controls: Record<FleetControlStatus, number>;
    failedResources: number;
    exceptedResources: number;
    failingControlsBySeverity: Record<Severity, number>;
    worstClusters: { name: string; score: number | null }[];
    topRisks: { id: string; name: string; severity: Severity; clustersFailing: number; failedResources: number }[];
  };
  clusters: ReportCluster[];
  controls: ReportControl[];
  evidence: ReportEvidence[];
  evidenceTotal: number;
  evidenceWithoutPaths: number;
  exceptions: { id: string; reason: string; owner: string | null; expiresAt: Date | null; controlIds: string[]; coveredFindings: number }[];
};

function severityZero(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

/**
 * An organization's compliance report for one framework over all or filtered clusters: executive
 * summary, per-cluster and per-control tables, and evidence (each open failing finding with its
 * object, JSON paths, first/last seen, and the exception that covers it). Every number comes from
 * the clusters' latest evaluations (the engine's scores), the same data the dashboard shows.
 */
export async function buildComplianceReport({
  orgId,
  orgName,
  framework: frameworkId = DEFAULT_FRAMEWORK,
  filters = {},
  withPaths = true,
  now = new Date(),
}: {
  orgId: string;
  orgName: string;
  framework?: string;
  filters?: FleetFilters;
  withPaths?: boolean;
  now?: Date;
}): Promise<ComplianceReport> {
  const framework = getFramework(frameworkId) ?? getFramework(DEFAULT_FRAMEWORK)!;
  const refs = new Map(framework.entries.map((e) => [e.controlId, e.ref ?? null]));
  const scope = await listScopedClusters({ orgId, filters, now });
  const latest = await latestEvaluations({ orgId, clusters: scope.clusters });
  const snapshotIds = [...latest.values()].map((e) => e.snapshotId);
  const countsBySnapshot = await countsOfSnapshots(orgId, snapshotIds);

  const clusters: ReportCluster[] = [];
  const perControl = new Map<string, { clusters: Record<ControlStatus, number>; passed: number; failed: number; excepted: number }>();
  for (const entry of framework.entries) perControl.set(entry.controlId, { clusters: { passed: 0, failed: 0, excepted: 0, skipped: 0, manual: 0, not_applicable: 0 }, passed: 0, failed: 0, excepted: 0 });
  for (const c of scope.clusters) {
    const evaluation = latest.get(c.id);
    const counts = (evaluation && countsBySnapshot.get(evaluation.snapshotId)) || {};
    const controls = { passed: 0, failed: 0, excepted: 0, notScored: 0 };
    const bySeverity = severityZero();
    let failedResources = 0;
    for (const entry of framework.entries) {
      const row = counts[entry.controlId];
      if (!row) continue;
      const [status, passed, failed, excepted] = row;
      const agg = perControl.get(entry.controlId)!;
      agg.clusters[status]++;
      agg.passed += passed;
      agg.failed += failed;
      agg.excepted += excepted;
      failedResources += failed;
      if (status === "passed") controls.passed++;
      else if (status === "failed") {
        controls.failed++;
        bySeverity[controlFacts(entry.controlId).severity]++;
      } else if (status === "excepted") controls.excepted++;
      else controls.notScored++;
    }
    const fw = evaluation?.frameworkScores[framework.id];
    clusters.push({
      id: c.id,
      name: c.name,
      provider: c.provider,
      environment: c.environment,
      region: c.region,
      kubernetesVersion: c.kubernetesVersion,
      agentStatus: c.status,
      evaluatedAt: evaluation?.collectedAt ?? null,
      snapshotId: evaluation?.snapshotId ?? null,
      libraryVersion: evaluation?.libraryVersion ?? null,
      score: fw?.score ?? null,
      riskScore: fw?.riskScore ?? null,
      controls,
      failedControlsBySeverity: bySeverity,
      failedResources,
      collectionErrors: evaluation?.collectionErrors.length ?? 0,
    });
  }

  const controls: ReportControl[] = framework.entries.map((entry) => {
    const facts = controlFacts(entry.controlId);
    const agg = perControl.get(entry.controlId)!;
    const total = agg.passed + agg.failed + agg.excepted;
    const anyData = Object.values(agg.clusters).some((n) => n > 0);
    return {
      id: entry.controlId,
      name: facts.name,
      severity: facts.severity,
      ref: entry.ref ?? null,
      status: fleetStatusOf(anyData ? { controlId: entry.controlId, ...agg } : undefined),
      clustersFailing: agg.clusters.failed,
      clustersPassing: agg.clusters.passed,
      clustersExcepted: agg.clusters.excepted,
      clustersNotScored: agg.clusters.skipped + agg.clusters.manual + agg.clusters.not_applicable,
      failedResources: agg.failed,
      exceptedResources: agg.excepted,
      passRate: total ? Math.round(((agg.passed + agg.excepted) / total) * 1000) / 10 : null,
    };
  });
  controls.sort((a, b) => (a.status === "failing" ? 0 : 1) - (b.status === "failing" ? 0 : 1) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.clustersFailing - a.clustersFailing || a.id.localeCompare(b.id, undefined, { numeric: true }));

  // Evidence: open findings of the framework's controls in the scoped clusters (excepted ones too, with their exception).
  const ids = scope.clusters.map((c) => c.id);
  const memberIds = framework.entries.map((e) => e.controlId);
  const [findings, evidenceTotal, exceptionRows] = await Promise.all([
    ids.length
      ? prisma.finding.findMany({
          where: { orgId, clusterId: { in: ids }, controlId: { in: memberIds }, resolvedAt: null },
          orderBy: [{ clusterId: "asc" }, { controlId: "asc" }, { resourceKey: "asc" }],
          take: EVIDENCE_LIMIT,
          select: { clusterId: true, controlId: true, resourceKey: true, severity: true, messageHash: true, firstSeenAt: true, occurrence: true, exceptionId: true },
        }).then((rows) => withMessages(orgId, rows))
      : Promise.resolve([]),
    ids.length ? prisma.finding.count({ where: { orgId, clusterId: { in: ids }, controlId: { in: memberIds }, resolvedAt: null } }) : Promise.resolve(0),
    prisma.controlException.findMany({ where: { orgId }, select: { id: true, reason: true, owner: true, expiresAt: true, controlIds: true } }),
  ]);
  const names = new Map(scope.clusters.map((c) => [c.id, c.name]));
  const evaluatedAt = new Map(scope.clusters.map((c) => [c.id, latest.get(c.id)?.collectedAt ?? null]));
  const exceptionsById = new Map(exceptionRows.map((e) => [e.id, e]));

  const paths = new Map<string, string[]>();
  if (withPaths) {
    const clustersWithFindings = [...new Set(findings.map((f) => f.clusterId))];
    for (const clusterId of clustersWithFindings.slice(0, EVIDENCE_PATH_CLUSTERS)) {
      const controlIds = [...new Set(findings.filter((f) => f.clusterId === clusterId).map((f) => f.controlId))];
      const state = await evaluateCurrentState({ orgId, clusterId, controlIds, now });
      for (const f of state.findings) {
        const key = `${clusterId}|${f.controlId}|${f.resourceKey}`;
        paths.set(key, [...new Set([...(paths.get(key) ?? []), ...f.paths])]);
      }
      for (const f of findings) if (f.clusterId === clusterId) paths.set(`${clusterId}|${f.controlId}|${f.resourceKey}`, paths.get(`${clusterId}|${f.controlId}|${f.resourceKey}`) ?? []);
    }
  }
  const evidence: ReportEvidence[] = findings.map((f) => {
    const e = f.exceptionId ? exceptionsById.get(f.exceptionId) : undefined;
    return {
      clusterName: names.get(f.clusterId) ?? f.clusterId,
      controlId: f.controlId,
      ref: refs.get(f.controlId) ?? null,
      severity: f.severity as Severity,
      resourceKey: f.resourceKey,
      message: f.message,
      paths: paths.get(`${f.clusterId}|${f.controlId}|${f.resourceKey}`) ?? null,
      firstSeenAt: f.firstSeenAt,
      lastSeenAt: evaluatedAt.get(f.clusterId) ?? null,
      occurrence: f.occurrence,
      exception: e ? { id: e.id, reason: e.reason, owner: e.owner, expiresAt: e.expiresAt } : null,
    };
  });
  evidence.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.clusterName.localeCompare(b.clusterName) || a.controlId.localeCompare(b.controlId) || a.resourceKey.localeCompare(b.resourceKey));

  const covered = new Map<string, number>();
  for (const f of findings) if (f.exceptionId) covered.set(f.exceptionId, (covered.get(f.exceptionId) ?? 0) + 1);

  const controlCounts: Record<FleetControlStatus, number> = { failing: 0, excepted: 0, passing: 0, not_evaluated: 0 };
  const failingBySeverity = severityZero();
  for (const c of controls) {
    controlCounts[c.status]++;
    if (c.status === "failing") failingBySeverity[c.severity]++;
  }
  const evaluated = clusters.filter((c) => c.evaluatedAt);
  const shortName = shortFrameworkName(framework.name);
  return {
    title: `${framework.name} compliance report — ${orgName}`,
    generatedAt: now,
    framework: { id: framework.id, name: framework.name, shortName, version: framework.version, controls: framework.entries.length },
    filters,
    versions: { engine: ENGINE_VERSION, library: LIBRARY_VERSION, evaluatedWith: [...new Set(evaluated.map((c) => c.libraryVersion).filter((v): v is string => !!v))].sort() },
    summary: {
      score: meanScore(clusters.map((c) => c.score)),
      riskScore: meanScore(clusters.map((c) => c.riskScore)),
      clusters: clusters.length,
      clustersEvaluated: evaluated.length,
      staleClusters: clusters.filter((c) => c.agentStatus === "stale").length,
      partialClusters: clusters.filter((c) => c.collectionErrors > 0).length,
      controls: controlCounts,
      failedResources: controls.reduce((s, c) => s + c.failedResources, 0),
      exceptedResources: controls.reduce((s, c) => s + c.exceptedResources, 0),
      failingControlsBySeverity: failingBySeverity,
      worstClusters: [...evaluated].sort((a, b) => (a.score ?? 101) - (b.score ?? 101)).slice(0, 3).map((c) => ({ name: c.name, score: c.score })),
      topRisks: controls
        .filter((c) => c.status === "failing")
        .slice(0, 5)
        .map((c) => ({ id: c.id, name: c.name, severity: c.severity, clustersFailing: c.clustersFailing, failedResources: c.failedResources })),
    },
    clusters,
    controls,
    evidence,
    evidenceTotal,
    evidenceWithoutPaths: evidence.filter((e) => e.paths === null).length,
    exceptions: exceptionRows
      .filter((e) => covered.has(e.id) || e.controlIds.includes("*") || e.controlIds.some((id) => refs.has(id)))
      .map((e) => ({ ...e, coveredFindings: covered.get(e.id) ?? 0 })),
  };
}

