import { AppError } from "@/lib/api/errors";
import { getControl } from "@/lib/controls";
import { listFrameworks } from "@/lib/controls/frameworks";
import { prisma } from "@/lib/db/client";
import type { ControlCategory, ControlRefs, ControlStatus, DataNeed, Severity } from "@/lib/engine/types";
import { EXCEPTION_SELECT, exceptionView, type ExceptionView } from "@/lib/server/exceptions/exception-view";
import { withMessages } from "@/lib/server/pipeline/finding-messages";
import { aggregateControlCounts } from "./aggregate-control-counts";
import type { FleetFilters } from "./fleet-filters";
import { latestEvaluations } from "./latest-evaluations";
import { fleetStatusOf, type FleetControlStatus } from "./list-control-catalog";
import { listScopedClusters } from "./list-scoped-clusters";

const FINDINGS_LIMIT = 500;

export type ControlClusterRow = {
  clusterId: string;
  clusterName: string;
  status: ControlStatus | null;
  passed: number;
  failed: number;
  excepted: number;
  /** When the oldest finding of this control still open in the cluster was first seen. */
  failingSince: Date | null;
};

export type ControlFinding = {
  clusterId: string;
  clusterName: string;
  resourceKey: string;
  message: string;
  firstSeenAt: Date;
  /** Last evaluation that still found it (open findings are current as of the cluster's latest evaluation). */
  lastSeenAt: Date | null;
  occurrence: number;
  exceptionId: string | null;
};

export type ControlDetail = {
  control: {
    id: string;
    name: string;
    description: string;
    rationale: string;
    remediation: string;
    severity: Severity;
    category: ControlCategory;
    needs: DataNeed[];
    manual: boolean;
    kinds: string[];
    refs: ControlRefs;
    frameworks: { id: string; name: string; version: string; ref: string | null }[];
  };
  fleet: { status: FleetControlStatus; clustersFailing: number; clustersPassing: number; clustersExcepted: number; clustersNotScored: number; failedResources: number; exceptedResources: number; passRate: number | null };
  clusters: ControlClusterRow[];
  findings: ControlFinding[];
  findingsTotal: number;
  exceptions: (ExceptionView & { coveredFindings: number })[];
};

/** A control from the library and where it stands across the filtered fleet: per cluster, open findings, and the exceptions that name it. */
export async function getControlDetail({ orgId, controlId, filters = {}, now = new Date() }: { orgId: string; controlId: string; filters?: FleetFilters; now?: Date }): Promise<ControlDetail> {
  const control = getControl(controlId);
  if (!control) throw new AppError("not_found", `There is no control ${controlId} in the library.`);
  const scope = await listScopedClusters({ orgId, filters, now });
  const ids = scope.clusters.map((c) => c.id);
  const names = new Map(scope.clusters.map((c) => [c.id, c.name]));
  const latest = await latestEvaluations({ orgId, clusters: scope.clusters });

  const [perCluster, fleetCounts, findings, findingsTotal, since, exceptionRows] = await Promise.all([
    latest.size
      ? prisma.$queryRaw<{ snapshotId: string; row: [ControlStatus, number, number, number] | null }[]>`
          SELECT s."id" AS "snapshotId", cs."counts"->${control.id} AS row FROM "Snapshot" s
            JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
           WHERE s."orgId" = ${orgId} AND s."id" = ANY(${[...latest.values()].map((e) => e.snapshotId)}::text[])`
      : Promise.resolve([]),
    aggregateControlCounts({ orgId, snapshotIds: [...latest.values()].map((e) => e.snapshotId) }),
    prisma.finding.findMany({
      where: { orgId, controlId: control.id, clusterId: { in: ids }, resolvedAt: null },
      orderBy: [{ firstSeenAt: "asc" }, { resourceKey: "asc" }],
      take: FINDINGS_LIMIT,
      select: { clusterId: true, resourceKey: true, messageHash: true, firstSeenAt: true, occurrence: true, exceptionId: true },
    }).then((rows) => withMessages(orgId, rows)),
    prisma.finding.count({ where: { orgId, controlId: control.id, clusterId: { in: ids }, resolvedAt: null } }),
    prisma.finding.groupBy({ by: ["clusterId"], where: { orgId, controlId: control.id, clusterId: { in: ids }, resolvedAt: null, exceptionId: null }, _min: { firstSeenAt: true } }),
    prisma.controlException.findMany({
      where: { orgId, OR: [{ controlIds: { has: control.id } }, { controlIds: { has: "*" } }] },
      orderBy: { createdAt: "desc" },
      select: EXCEPTION_SELECT,
    }),
  ]);
  const rowBySnapshot = new Map(perCluster.map((r) => [r.snapshotId, r.row]));
  const sinceByCluster = new Map(since.map((s) => [s.clusterId, s._min.firstSeenAt]));
  const latestEvaluatedAt = new Map(scope.clusters.map((c) => [c.id, c.latestEvaluatedAt]));
  const clusters: ControlClusterRow[] = scope.clusters.map((c) => {
    const evaluation = latest.get(c.id);
    const row = evaluation ? rowBySnapshot.get(evaluation.snapshotId) : null;
    return {
      clusterId: c.id,
      clusterName: c.name,
      status: row?.[0] ?? null,
      passed: row?.[1] ?? 0,
      failed: row?.[2] ?? 0,
      excepted: row?.[3] ?? 0,
      failingSince: sinceByCluster.get(c.id) ?? null,
    };
  });

  const coverage = exceptionRows.length
    ? await prisma.finding.groupBy({ by: ["exceptionId"], where: { orgId, controlId: control.id, resolvedAt: null, exceptionId: { in: exceptionRows.map((e) => e.id) } }, _count: { _all: true } })
    : [];
  const covered = new Map(coverage.map((c) => [c.exceptionId, c._count._all]));

  const c = fleetCounts.get(control.id);
  const total = c ? c.passed + c.failed + c.excepted : 0;
  return {
    control: {
      id: control.id,
      name: control.name,
      description: control.description,
      rationale: control.rationale,
      remediation: control.remediation,
      severity: control.severity,
      category: control.category,
      needs: control.needs,
      manual: !!control.manual,
      kinds: control.kinds ?? [],
      refs: control.refs,
      frameworks: listFrameworks()
        .filter((f) => f.id !== "all")
        .flatMap((f) => f.entries.filter((e) => e.controlId === control.id).map((e) => ({ id: f.id, name: f.name, version: f.version, ref: e.ref ?? null }))),
    },
    fleet: {
      status: fleetStatusOf(c),
      clustersFailing: c?.clusters.failed ?? 0,
      clustersPassing: c?.clusters.passed ?? 0,
      clustersExcepted: c?.clusters.excepted ?? 0,
      clustersNotScored: c ? c.clusters.skipped + c.clusters.manual + c.clusters.not_applicable : 0,
      failedResources: c?.failed ?? 0,
      exceptedResources: c?.excepted ?? 0,
      passRate: total ? Math.round(((c!.passed + c!.excepted) / total) * 1000) / 10 : null,
    },
    clusters,
    findings: findings.map((f) => ({ ...f, clusterName: names.get(f.clusterId) ?? f.clusterId, lastSeenAt: latestEvaluatedAt.get(f.clusterId) ?? null })),
    findingsTotal,
    exceptions: exceptionRows.map((e) => ({ ...exceptionView(e, now), coveredFindings: covered.get(e.id) ?? 0 })),
  };
}
