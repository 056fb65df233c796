import { prisma } from "@/lib/db/client";
import { parseFrameworkScores } from "@/lib/server/clusters/latest-snapshot-scores";

const DAY_MS = 24 * 60 * 60 * 1000;

export type FleetRegression = {
  cluster: { id: string; name: string };
  since: string;
  frameworks: { id: string; from: number | null; to: number | null; delta: number }[];
  failingResources: { from: number; to: number };
  findingsOpened: number;
  findingsResolved: number;
  /** Why: the controls with the most findings opened in the window. */
  topNewControls: { controlId: string; severity: string; opened: number }[];
};

type DayRow = { clusterId: string; day: Date; frameworkScores: unknown; failingResources: number };

/**
 * Clusters whose posture got worse over the last `days` (default 7): a framework score fell or
 * more resources fail than at the window's start, worst first, with the new findings behind it.
 * Read from the daily roll-ups and the finding intervals, so it stays cheap for a large fleet.
 */
export async function getFleetRegressions({ orgId, days = 7, now = new Date() }: { orgId: string; days?: number; now?: Date }): Promise<FleetRegression[]> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const sinceDay = since.toISOString().slice(0, 10);
  const [latest, baseline] = await Promise.all([
    prisma.$queryRaw<DayRow[]>`
      SELECT DISTINCT ON ("clusterId") "clusterId", "day", "frameworkScores", "failingResources"
        FROM "ClusterDailyScore" WHERE "orgId" = ${orgId} AND "day" > ${sinceDay}::date ORDER BY "clusterId", "day" DESC`,
    prisma.$queryRaw<DayRow[]>`
      SELECT DISTINCT ON ("clusterId") "clusterId", "day", "frameworkScores", "failingResources"
        FROM "ClusterDailyScore" WHERE "orgId" = ${orgId} AND "day" <= ${sinceDay}::date ORDER BY "clusterId", "day" DESC`,
  ]);
  const base = new Map(baseline.map((r) => [r.clusterId, r]));
  const candidates: { clusterId: string; frameworks: FleetRegression["frameworks"]; failingResources: FleetRegression["failingResources"]; worst: number }[] = [];
  for (const row of latest) {
    const start = base.get(row.clusterId);
    if (!start) continue;
    const a = parseFrameworkScores(start.frameworkScores);
    const b = parseFrameworkScores(row.frameworkScores);
    const frameworks = Object.keys(b)
      .filter((id) => a[id]?.score != null && b[id]?.score != null)
      .map((id) => ({ id, from: a[id].score, to: b[id].score, delta: Math.round((b[id].score! - a[id].score!) * 100) / 100 }))
      .filter((f) => f.delta < 0)
      .sort((x, y) => x.delta - y.delta);
    const failingResources = { from: start.failingResources, to: row.failingResources };
    if (frameworks.length || failingResources.to > failingResources.from) {
      candidates.push({ clusterId: row.clusterId, frameworks, failingResources, worst: frameworks[0]?.delta ?? 0 });
    }
  }
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.clusterId);
  const [clusters, opened, resolved] = await Promise.all([
    prisma.cluster.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } }),
    // Opened since: from the firstSeenAt index, plus the baseline rows of a cluster first evaluated
    // since (through the primary key: they all have the firstSeenAt of the first one, whose probe is
    // ordered by the key so the planner walks it instead of scanning the table for a baseline row).
    prisma.$queryRaw<{ clusterId: string; controlId: string; severity: string; n: bigint }[]>`
      WITH base AS (
        SELECT c.id, (SELECT f."firstSeenAt" FROM "Finding" f WHERE f."clusterId" = c.id AND f."orgId" = ${orgId} AND f."baseline"
                 ORDER BY f."controlId", f."resourceKey", f."occurrence" LIMIT 1) AS at
          FROM unnest(${ids}::text[]) AS c(id))
      SELECT "clusterId", "controlId", "severity", count(*) AS n FROM (
        SELECT "clusterId", "controlId", "severity" FROM "Finding"
         WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${ids}::text[]) AND NOT "baseline" AND "firstSeenAt" > ${since}
        UNION ALL
        SELECT f."clusterId", f."controlId", f."severity" FROM base JOIN "Finding" f ON f."clusterId" = base.id
         WHERE base.at > ${since} AND f."orgId" = ${orgId} AND f."baseline") AS opened
       GROUP BY 1, 2, 3
       ORDER BY n DESC, CASE "severity" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, "controlId"`,
    prisma.$queryRaw<{ clusterId: string; n: bigint }[]>`
      SELECT "clusterId", count(*) AS n FROM "Finding"
       WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${ids}::text[]) AND "resolvedAt" > ${since} GROUP BY 1`,
  ]);
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const resolvedBy = new Map(resolved.map((r) => [r.clusterId, Number(r.n)]));
  return candidates
    .sort((x, y) => x.worst - y.worst || y.failingResources.to - y.failingResources.from - (x.failingResources.to - x.failingResources.from))
    .map((c) => {
      const mine = opened.filter((o) => o.clusterId === c.clusterId);
      return {
        cluster: { id: c.clusterId, name: names.get(c.clusterId) ?? c.clusterId },
        since: since.toISOString(),
        frameworks: c.frameworks,
        failingResources: c.failingResources,
        findingsOpened: mine.reduce((s, o) => s + Number(o.n), 0),
        findingsResolved: resolvedBy.get(c.clusterId) ?? 0,
        topNewControls: mine.slice(0, 5).map((o) => ({ controlId: o.controlId, severity: o.severity, opened: Number(o.n) })),
      };
    });
}
