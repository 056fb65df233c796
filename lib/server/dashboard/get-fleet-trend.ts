import { prisma } from "@/lib/db/client";
import { meanOfTenths } from "./fleet-score";
import { DEFAULT_FRAMEWORK, type FleetFilters } from "./fleet-filters";
import { listScopedClusters } from "./list-scoped-clusters";

const DAY_MS = 86_400_000;

export type FleetTrendPoint = {
  day: string;
  /** Mean over the clusters known on that day of their latest score up to that day. */
  score: number | null;
  /** Clusters that contributed a score that day. */
  clusters: number;
};

export type FleetTrend = { framework: string; days: number; points: FleetTrendPoint[] };

type DeltaRow = { day: Date | string; dsum: bigint | number | null; dcount: bigint | number };

/**
 * The organization's score for a framework over the last `days` days (UTC), from the daily
 * roll-ups. Each cluster keeps its last known score until it reports again (a cluster that went
 * quiet still counts with the posture it was last seen with), so the last point equals the
 * overview's current score. Computed in one pass as per-day changes of the sum and count of scores.
 */
export async function getFleetTrend({
  orgId,
  framework = DEFAULT_FRAMEWORK,
  days = 30,
  filters = {},
  now = new Date(),
}: {
  orgId: string;
  framework?: string;
  days?: number;
  filters?: FleetFilters;
  now?: Date;
}): Promise<FleetTrend> {
  const { clusters } = await listScopedClusters({ orgId, filters, now });
  const ids = clusters.map((c) => c.id);
  const today = new Date(now.toISOString().slice(0, 10));
  const start = new Date(today.getTime() - (days - 1) * DAY_MS);
  const before = new Date(start.getTime() - DAY_MS);
  // Each cluster's last roll-up before the window (one probe on the primary key per cluster) opens
  // the window with its score; the window's own roll-ups then change it day by day. Scores are read
  // as integer tenths (float → int rounds to nearest, exact for one-decimal scores), and the window is
  // MATERIALIZED so the sort carries those small rows, not the whole JSON column.
  const rows = ids.length
    ? await prisma.$queryRaw<DeltaRow[]>`
        WITH base AS (
          SELECT i.id AS "clusterId", ${before}::date AS "day", b.v
            FROM unnest(${ids}::text[]) AS i(id)
            CROSS JOIN LATERAL (
              SELECT ((("frameworkScores"->${framework}->>'score')::float8) * 10)::int AS v FROM "ClusterDailyScore"
               WHERE "clusterId" = i.id AND "orgId" = ${orgId} AND "day" < ${start}::date ORDER BY "day" DESC LIMIT 1
            ) b
        ), win AS MATERIALIZED (
          SELECT "clusterId", "day", ((("frameworkScores"->${framework}->>'score')::float8) * 10)::int AS v
            FROM "ClusterDailyScore"
           WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${ids}::text[]) AND "day" >= ${start}::date AND "day" <= ${today}::date
        ), r AS (
          SELECT * FROM base UNION ALL SELECT * FROM win
        ), d AS (
          SELECT "day", v, lag(v) OVER w AS p, row_number() OVER w AS rn FROM r WINDOW w AS (PARTITION BY "clusterId" ORDER BY "day")
        )
        SELECT "day",
               sum(coalesce(v, 0) - CASE WHEN rn = 1 THEN 0 ELSE coalesce(p, 0) END) AS dsum,
               sum((v IS NOT NULL)::int - CASE WHEN rn = 1 THEN 0 ELSE (p IS NOT NULL)::int END) AS dcount
          FROM d GROUP BY "day" ORDER BY "day"`
    : [];
  const changes = new Map(rows.map((r) => [(r.day instanceof Date ? r.day.toISOString() : String(r.day)).slice(0, 10), r]));
  let sum = 0;
  let count = 0;
  const points: FleetTrendPoint[] = [];
  for (let t = before.getTime(); t <= today.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const change = changes.get(day);
    if (change) {
      sum += Number(change.dsum ?? 0);
      count += Number(change.dcount);
    }
    if (t >= start.getTime()) points.push({ day, score: meanOfTenths(sum, count), clusters: count });
  }
  return { framework, days, points };
}
