import { prisma } from "@/lib/db/client";
import type { ControlStatus, Severity } from "@/lib/engine/types";
import { getFleetRegressions, type FleetRegression } from "@/lib/server/drift/get-fleet-regressions";
import { withMessages } from "@/lib/server/pipeline/finding-messages";
import { controlFacts, SEVERITY_RANK } from "./control-facts";
import { countsOfSnapshots } from "./control-scores-cache";
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

// The drift API's fleet regressions read every cluster's roll-ups; their answer only moves as
// evaluations land, so the overview's refreshes share one computation per org and window for a
// short while (see the report: a per-cluster index probe in that query would make this unneeded).
const MEMO_MS = 20_000;
const memo = new Map<string, { at: number; value: Promise<FleetRegression[]> }>();

function fleetRegressions(orgId: string, days: number, now: Date): Promise<FleetRegression[]> {
  const key = `${orgId}|${days}`;
  const hit = memo.get(key);
  if (hit && now.getTime() - hit.at < MEMO_MS && now.getTime() >= hit.at) return hit.value;
  const value = getFleetRegressions({ orgId, days, now });
  memo.set(key, { at: now.getTime(), value });
  value.catch(() => memo.delete(key));
  if (memo.size > 1_000) memo.delete(memo.keys().next().value!);
  return value;
}

/**
 * "What got worse": the drift API's fleet regressions (clusters whose score fell or whose failing
 * resources grew over `days`), limited to the filtered fleet, each with the controls whose failures
 * grew between the window's first roll-up and the latest evaluation, and the objects that fail them.
 */
export async function listFleetRegressions({
  orgId,
  days = 7,
  filters = {},
  limit = 10,
  now = new Date(),
}: {
  orgId: string;
  days?: number;
  filters?: FleetFilters;
  /** The worst `limit` clusters get their controls and objects; `total` counts them all. */
  limit?: number;
  now?: Date;
}): Promise<{ days: number; total: number; regressions: DashboardRegression[] }> {
  const [{ clusters }, regressions] = await Promise.all([listScopedClusters({ orgId, filters, now }), fleetRegressions(orgId, days, now)]);
  const scoped = new Map(clusters.map((c) => [c.id, c]));
  const all = regressions.filter((r) => scoped.has(r.cluster.id));
  const mine = all.slice(0, limit);
  if (!mine.length) return { days, total: 0, regressions: [] };
  const ids = mine.map((r) => r.cluster.id);
  const sinceDay = mine[0].since.slice(0, 10);

  const baselines = await prisma.$queryRaw<{ clusterId: string; snapshotId: string }[]>`
    SELECT i.id AS "clusterId", b."snapshotId" FROM unnest(${ids}::text[]) AS i(id)
     CROSS JOIN LATERAL (
       SELECT "snapshotId" FROM "ClusterDailyScore" WHERE "clusterId" = i.id AND "orgId" = ${orgId} AND "day" <= ${sinceDay}::date ORDER BY "day" DESC LIMIT 1
     ) b`;
  const pairs = new Map(ids.map((id) => [id, { from: baselines.find((b) => b.clusterId === id)?.snapshotId ?? null, to: scoped.get(id)!.latestSnapshotId }]));
  const snapshotIds = [...pairs.values()].flatMap((p) => [p.from, p.to]).filter((s): s is string => !!s);
  const countsOf = await countsOfSnapshots(orgId, snapshotIds);

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
    ? await prisma.$queryRaw<{ clusterId: string; controlId: string; severity: string; resourceKey: string; messageHash: bigint; firstSeenAt: Date; occurrence: number }[]>`
        SELECT "clusterId", "controlId", "severity", "resourceKey", "messageHash", "firstSeenAt", "occurrence" FROM (
          SELECT f.*, row_number() OVER (
                   PARTITION BY f."clusterId"
                   ORDER BY CASE f."severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f."firstSeenAt" DESC, f."controlId", f."resourceKey") AS rn
            FROM "Finding" f
           WHERE f."orgId" = ${orgId} AND f."clusterId" = ANY(${ids}::text[]) AND f."resolvedAt" IS NULL AND f."exceptionId" IS NULL
             AND (f."clusterId" || '|' || f."controlId") = ANY(${wanted}::text[])
        ) x WHERE rn <= ${EXAMPLES_PER_CLUSTER}`.then((rows) => withMessages(orgId, rows))
    : [];

  return {
    days,
    total: all.length,
    regressions: mine.map((r) => ({
      ...r,
      worsenedControls: (worsenedBy.get(r.cluster.id) ?? []).slice(0, CONTROLS_PER_CLUSTER * 2),
      examples: examples
        .filter((e) => e.clusterId === r.cluster.id)
        .map((e) => ({ controlId: e.controlId, controlName: controlFacts(e.controlId).name, severity: e.severity as Severity, resourceKey: e.resourceKey, message: e.message, firstSeenAt: e.firstSeenAt, occurrence: e.occurrence })),
    })),
  };
}
