import { prisma } from "@/lib/db/client";
import { meanOfTenths } from "./fleet-score";
import { DEFAULT_FRAMEWORK, type FleetFilters } from "./fleet-filters";
import { listScopedClusters } from "./list-scoped-clusters";

const DAY_MS = 86_400_000;
// A cluster's last roll-up before the window still describes it on the window's first day, as long
// as it is this recent; older than that and the cluster only enters the trend when it reports again.
const CARRY_LOOKBACK_DAYS = 30;

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
  const from = new Date(start.getTime() - CARRY_LOOKBACK_DAYS * DAY_MS);
  const rows = ids.length
    ? await prisma.$queryRaw<DeltaRow[]>`
        WITH r AS (
          SELECT "clusterId", "day", round((("frameworkScores"->${framework}->>'score')::numeric) * 10)::int AS v
            FROM "ClusterDailyScore"
           WHERE "orgId" = ${orgId} AND "clusterId" = ANY(${ids}::text[]) AND "day" >= ${from}::date AND "day" <= ${today}::date
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
  for (let t = from.getTime(); t <= today.getTime(); t += DAY_MS) {
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
