import { prisma } from "@/lib/db/client";
import type { FleetFilters } from "./fleet-filters";
import { listScopedClusters } from "./list-scoped-clusters";

const DAY_MS = 86_400_000;
const CARRY_LOOKBACK_DAYS = 30;

export type ControlHistoryPoint = { day: string; passed: number; failed: number; excepted: number; passRate: number | null; clustersFailing: number; clusters: number };

type Row = { clusterId: string; day: Date; row: [string, number, number, number] | null };

/**
 * A control's pass rate over the fleet per day (UTC): resources passed (excepted counted as
 * passed) ÷ resources judged, summed over clusters with each cluster's last evaluation up to that
 * day — the day's roll-up snapshot and its per-control counts. Days whose snapshots retention has
 * pruned have no per-control counts and carry the previous day's.
 */
export async function getControlHistory({ orgId, controlId, days = 30, filters = {}, now = new Date() }: { orgId: string; controlId: string; days?: number; filters?: FleetFilters; now?: Date }): Promise<{ controlId: string; days: number; points: ControlHistoryPoint[] }> {
  const { clusters } = await listScopedClusters({ orgId, filters, now });
  const ids = clusters.map((c) => c.id);
  const today = new Date(now.toISOString().slice(0, 10));
  const start = new Date(today.getTime() - (days - 1) * DAY_MS);
  const from = new Date(start.getTime() - CARRY_LOOKBACK_DAYS * DAY_MS);
  const rows = ids.length
    ? await prisma.$queryRaw<Row[]>`
        SELECT d."clusterId", d."day", cs."counts"->${controlId} AS row
          FROM "ClusterDailyScore" d
          JOIN "Snapshot" s ON s."id" = d."snapshotId"
          JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
         WHERE d."orgId" = ${orgId} AND d."clusterId" = ANY(${ids}::text[]) AND d."day" >= ${from}::date AND d."day" <= ${today}::date
         ORDER BY d."day"`
    : [];
  const byDay = new Map<string, Row[]>();
  for (const r of rows) {
    const day = new Date(r.day).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  const current = new Map<string, [string, number, number, number] | null>();
  const points: ControlHistoryPoint[] = [];
  for (let t = from.getTime(); t <= today.getTime(); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    for (const r of byDay.get(day) ?? []) current.set(r.clusterId, r.row);
    if (t < start.getTime()) continue;
    let passed = 0, failed = 0, excepted = 0, clustersFailing = 0;
    for (const row of current.values()) {
      if (!row) continue;
      passed += row[1];
      failed += row[2];
      excepted += row[3];
      if (row[0] === "failed") clustersFailing++;
    }
    const total = passed + failed + excepted;
    points.push({ day, passed, failed, excepted, passRate: total ? Math.round(((passed + excepted) / total) * 1000) / 10 : null, clustersFailing, clusters: current.size });
  }
  return { controlId, days, points };
}
