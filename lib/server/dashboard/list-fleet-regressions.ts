import { prisma } from "@/lib/db/client";
import type { ControlStatus, Severity } from "@/lib/engine/types";
import { getFleetRegressions, type FleetRegression } from "@/lib/server/drift/get-fleet-regressions";
import { controlFacts, SEVERITY_RANK } from "./control-facts";
import type { FleetFilters } from "./fleet-filters";
import { listScopedClusters } from "./list-scoped-clusters";

const EXAMPLES_PER_CLUSTER = 6;
const CONTROLS_PER_CLUSTER = 5;

export type WorsenedControl = { controlId: string; name: string; severity: Severity; failedFrom: number; failedTo: number; statusFrom: ControlStatus | null; statusTo: ControlStatus | null };

export type RegressionExample = { controlId: string; controlName: string; severity: Severity; resourceKey: string; message: string; firstSeenAt: Date; occurrence: number };

export type DashboardRegression = FleetRegression & {
  /** Controls with more failing resources than at the window's start (new findings, expired exceptions…). */
  worsenedControls: WorsenedControl[];
  /** The objects behind it: open findings of those controls, newest first. */
  examples: RegressionExample[];
};

type Counts = Record<string, [ControlStatus, number, number, number]>;

/**
 * "What got worse": the drift API's fleet regressions (clusters whose score fell or whose failing
 * resources grew over `days`), limited to the filtered fleet, each with the controls whose failures
 * grew between the window's first roll-up and the latest evaluation, and the objects that fail them.
 */
export async function listFleetRegressions({ orgId, days = 7, filters = {}, now = new Date() }: { orgId: string; days?: number; filters?: FleetFilters; now?: Date }): Promise<{ days: number; regressions: DashboardRegression[] }> {
  const [{ clusters }, regressions] = await Promise.all([listScopedClusters({ orgId, filters, now }), getFleetRegressions({ orgId, days, now })]);
  const scoped = new Map(clusters.map((c) => [c.id, c]));
  const mine = regressions.filter((r) => scoped.has(r.cluster.id));
  if (!mine.length) return { days, regressions: [] };
  const ids = mine.map((r) => r.cluster.id);
  const sinceDay = mine[0].since.slice(0, 10);

  const baselines = await prisma.$queryRaw<{ clusterId: string; snapshotId: string }[]>`
    SELECT DISTINCT ON ("clusterId") "clusterId", "snapshotId" FROM "ClusterDailyScore"
     WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${ids}::text[]) AND "day" <= ${sinceDay}::date ORDER BY "clusterId", "day" DESC`;
  const pairs = new Map(ids.map((id) => [id, { from: baselines.find((b) => b.clusterId === id)?.snapshotId ?? null, to: scoped.get(id)!.latestSnapshotId }]));
  const snapshotIds = [...pairs.values()].flatMap((p) => [p.from, p.to]).filter((s): s is string => !!s);
  const countRows = await prisma.$queryRaw<{ id: string; counts: Counts }[]>`
    SELECT s."id", cs."counts" FROM "Snapshot" s JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
     WHERE s."orgId" = ${orgId} AND s."id" = ANY(${snapshotIds}::text[])`;
  const countsOf = new Map(countRows.map((r) => [r.id, r.counts]));

  const worsenedBy = new Map<string, WorsenedControl[]>();
  for (const [clusterId, pair] of pairs) {
    const a = (pair.from && countsOf.get(pair.from)) || {};
    const b = (pair.to && countsOf.get(pair.to)) || {};
    const worse: WorsenedControl[] = [];
    for (const [controlId, row] of Object.entries(b)) {
      const before = a[controlId];
      if (row[2] > (before?.[2] ?? 0)) {
        const facts = controlFacts(controlId);
        worse.push({ controlId, name: facts.name, severity: facts.severity, failedFrom: before?.[2] ?? 0, failedTo: row[2], statusFrom: before?.[0] ?? null, statusTo: row[0] });
      }
    }
    worse.sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || y.failedTo - y.failedFrom - (x.failedTo - x.failedFrom) || x.controlId.localeCompare(y.controlId));
    worsenedBy.set(clusterId, worse);
  }

  const wanted = [...worsenedBy].flatMap(([clusterId, w]) => w.slice(0, CONTROLS_PER_CLUSTER).map((c) => `${clusterId}|${c.controlId}`));
  const examples = wanted.length
    ? await prisma.$queryRaw<{ clusterId: string; controlId: string; severity: string; resourceKey: string; message: string; firstSeenAt: Date; occurrence: number }[]>`
        SELECT "clusterId", "controlId", "severity", "resourceKey", "message", "firstSeenAt", "occurrence" FROM (
          SELECT f.*, row_number() OVER (
                   PARTITION BY f."clusterId"
                   ORDER BY CASE f."severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f."firstSeenAt" DESC, f."controlId", f."resourceKey") AS rn
            FROM "Finding" f
           WHERE f."orgId" = ${orgId} AND f."clusterId" = ANY(${ids}::text[]) AND f."resolvedAt" IS NULL AND f."exceptionId" IS NULL
             AND (f."clusterId" || '|' || f."controlId") = ANY(${wanted}::text[])
        ) x WHERE rn <= ${EXAMPLES_PER_CLUSTER}`
    : [];

  return {
    days,
    regressions: mine.map((r) => ({
      ...r,
      worsenedControls: worsenedBy.get(r.cluster.id) ?? [],
      examples: examples
        .filter((e) => e.clusterId === r.cluster.id)
        .map((e) => ({ controlId: e.controlId, controlName: controlFacts(e.controlId).name, severity: e.severity as Severity, resourceKey: e.resourceKey, message: e.message, firstSeenAt: e.firstSeenAt, occurrence: e.occurrence })),
    })),
  };
}
