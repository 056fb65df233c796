// Finding intervals by when they were opened. The rows a cluster's first evaluation opened (its
// baseline: most of a young cluster's rows, all with one firstSeenAt) are not in the firstSeenAt
// index, which keeps a first snapshot's inserts cheap: they are read through the primary key,
// and only when the question covers their firstSeenAt. `NOT "baseline"` is written literally so
// the planner can use that partial index.
import { prisma } from "@/lib/db/client";

export type OpenedFinding = {
  controlId: string;
  resourceKey: string;
  severity: string;
  messageHash: bigint;
  occurrence: number;
  firstSeenAt: Date;
  resolvedAt: Date | null;
  exceptionId: string | null;
};

/**
 * When the cluster's baseline intervals were opened (they all were then), or null without any.
 * Ordered by the primary key so the planner walks the cluster's part of it: unordered, it may scan
 * the table for the first baseline row of the cluster (~30 ms per cluster on bench:history --keep).
 */
export async function baselineAt(orgId: string, clusterId: string): Promise<Date | null> {
  const rows = await prisma.$queryRaw<{ firstSeenAt: Date }[]>`
    SELECT "firstSeenAt" FROM "Finding" WHERE "clusterId" = ${clusterId} AND "orgId" = ${orgId} AND "baseline"
     ORDER BY "controlId", "resourceKey", "occurrence" LIMIT 1`;
  return rows[0]?.firstSeenAt ?? null;
}

const byFirstSeen = (a: OpenedFinding, b: OpenedFinding) =>
  a.firstSeenAt.getTime() - b.firstSeenAt.getTime() || (a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : 0);

/** Intervals opened in (after, upTo], oldest first then by control, at most `take`; and how many there are. */
export async function findingsOpenedBetween(orgId: string, clusterId: string, after: Date, upTo: Date, take: number): Promise<{ rows: OpenedFinding[]; count: number }> {
  const base = await baselineAt(orgId, clusterId);
  const withBaseline = !!base && base > after && base <= upTo;
  const [rows, [{ count }], baseline, baselineCount] = await Promise.all([
    prisma.$queryRaw<OpenedFinding[]>`
      SELECT "controlId", "resourceKey", "severity", "messageHash", "occurrence", "firstSeenAt", "resolvedAt", "exceptionId" FROM "Finding"
       WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND NOT "baseline" AND "firstSeenAt" > ${after} AND "firstSeenAt" <= ${upTo}
       ORDER BY "firstSeenAt", "controlId" LIMIT ${take}`,
    prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Finding"
       WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND NOT "baseline" AND "firstSeenAt" > ${after} AND "firstSeenAt" <= ${upTo}`,
    withBaseline ? baselineRows(orgId, clusterId, take, false) : [],
    withBaseline ? prisma.finding.count({ where: { orgId, clusterId, baseline: true } }) : 0,
  ]);
  return { rows: [...baseline, ...rows].sort(byFirstSeen).slice(0, take), count: Number(count) + baselineCount };
}

/** The longest-open intervals, oldest first then by control, at most `take`. */
export async function oldestOpenFindings(orgId: string, clusterId: string, take: number): Promise<OpenedFinding[]> {
  const [baseline, rows] = await Promise.all([
    baselineRows(orgId, clusterId, take, true),
    prisma.$queryRaw<OpenedFinding[]>`
      SELECT "controlId", "resourceKey", "severity", "messageHash", "occurrence", "firstSeenAt", "resolvedAt", "exceptionId" FROM "Finding"
       WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND NOT "baseline" AND "resolvedAt" IS NULL
       ORDER BY "firstSeenAt", "controlId" LIMIT ${take}`,
  ]);
  return [...baseline, ...rows].sort(byFirstSeen).slice(0, take);
}

/** Baseline rows in primary-key order (by control: they share their firstSeenAt), optionally only open ones. */
function baselineRows(orgId: string, clusterId: string, take: number, openOnly: boolean): Promise<OpenedFinding[]> {
  return prisma.finding.findMany({
    where: { orgId, clusterId, baseline: true, ...(openOnly ? { resolvedAt: null } : {}) },
    orderBy: [{ controlId: "asc" }, { resourceKey: "asc" }, { occurrence: "asc" }],
    take,
    select: { controlId: true, resourceKey: true, severity: true, messageHash: true, occurrence: true, firstSeenAt: true, resolvedAt: true, exceptionId: true },
  });
}
