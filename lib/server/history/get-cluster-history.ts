import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { parseFrameworkScores, type FrameworkScore } from "@/lib/server/clusters/latest-snapshot-scores";
import { withMessages } from "@/lib/server/pipeline/finding-messages";
import { oldestOpenFindings } from "./opened-findings";

const DAY_MS = 24 * 60 * 60 * 1000;

export type ClusterHistory = {
  cluster: { id: string; name: string; latestSnapshotId: string | null; latestEvaluatedAt: Date | null };
  /** One point per day (UTC) with a snapshot: that day's last evaluated scores. */
  trend: { day: string; frameworkScores: Record<string, FrameworkScore>; failedBySeverity: unknown; failingResources: number; objectCount: number; snapshots: number }[];
  snapshots: { id: string; collectedAt: Date; status: string; objectCount: number; objectsAdded: number; objectsChanged: number; objectsRemoved: number; failingResources: number | null; error: string | null }[];
  findings: {
    open: number;
    openBySeverity: Record<string, number>;
    /** Open intervals that are a second (or later) occurrence of the same finding. */
    reopened: number;
    resolvedInWindow: number;
    /** The longest-open findings: "open since". */
    oldestOpen: { controlId: string; resourceKey: string; severity: string; message: string; firstSeenAt: Date; lastSeenAt: Date | null; occurrence: number; exceptionId: string | null }[];
  };
};

/** A cluster's posture over the last `days` (default 90): daily trend, recent snapshots, finding intervals. */
export async function getClusterHistory({ orgId, clusterId, days = 90, now = new Date() }: { orgId: string; clusterId: string; days?: number; now?: Date }): Promise<ClusterHistory> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, name: true, latestSnapshotId: true, latestEvaluatedAt: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const since = new Date(now.getTime() - days * DAY_MS);
  const [trend, snapshots, bySeverity, reopened, resolvedInWindow, oldestOpen] = await Promise.all([
    prisma.clusterDailyScore.findMany({
      where: { orgId, clusterId, day: { gte: new Date(since.toISOString().slice(0, 10)) } },
      orderBy: { day: "asc" },
      select: { day: true, frameworkScores: true, failedBySeverity: true, failingResources: true, objectCount: true, snapshotCount: true },
    }),
    prisma.snapshot.findMany({
      where: { orgId, clusterId },
      orderBy: { collectedAt: "desc" },
      take: 50,
      select: { id: true, collectedAt: true, status: true, objectCount: true, objectsAdded: true, objectsChanged: true, objectsRemoved: true, failingResources: true, error: true },
    }),
    prisma.finding.groupBy({ by: ["severity"], where: { orgId, clusterId, resolvedAt: null, exceptionId: null }, _count: { _all: true } }),
    prisma.finding.count({ where: { orgId, clusterId, resolvedAt: null, occurrence: { gt: 1 } } }),
    prisma.finding.count({ where: { orgId, clusterId, resolvedAt: { gte: since } } }),
    oldestOpenFindings(orgId, clusterId, 50).then((rows) =>
      withMessages(
        orgId,
        rows.map(({ controlId, resourceKey, severity, messageHash, firstSeenAt, occurrence, exceptionId }) => ({ controlId, resourceKey, severity, messageHash, firstSeenAt, occurrence, exceptionId })),
      ),
    ),
  ]);
  const openBySeverity = Object.fromEntries(bySeverity.map((g) => [g.severity, g._count._all]));
  return {
    cluster,
    trend: trend.map((t) => ({
      day: t.day.toISOString().slice(0, 10),
      frameworkScores: parseFrameworkScores(t.frameworkScores),
      failedBySeverity: t.failedBySeverity,
      failingResources: t.failingResources,
      objectCount: t.objectCount,
      snapshots: t.snapshotCount,
    })),
    snapshots,
    findings: {
      open: Object.values(openBySeverity).reduce((s, n) => s + n, 0),
      openBySeverity,
      reopened,
      resolvedInWindow,
      // Open intervals are not rewritten per snapshot: they were last seen by the latest evaluation.
      oldestOpen: oldestOpen.map((f) => ({ ...f, lastSeenAt: cluster.latestEvaluatedAt })),
    },
  };
}
