import { prisma } from "@/lib/db/client";
import { ClusterAdvancedError, evaluateSnapshot, type EvaluateOptions, type EvaluateOutcome } from "./evaluate-snapshot";

const ADVANCE_RETRIES = 5;

async function evaluateWithRestart(snapshotId: string, options: EvaluateOptions): Promise<EvaluateOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await evaluateSnapshot({ snapshotId, ...options });
    } catch (error) {
      if (!(error instanceof ClusterAdvancedError) || attempt >= ADVANCE_RETRIES) throw error;
    }
  }
}

/**
 * Evaluates a snapshot after every older queued snapshot of the same cluster, oldest first, so a
 * cluster's history advances in collection order even when several workers hold its jobs (the
 * spool delivers a backlog in order; their jobs may still be picked up in any order). An older
 * snapshot that fails is left to its own job's retries and does not block this one.
 */
export async function evaluateClusterBacklog(snapshotId: string, options: EvaluateOptions = {}): Promise<EvaluateOutcome[]> {
  const target = await prisma.snapshot.findUnique({ where: { id: snapshotId }, select: { id: true, orgId: true, clusterId: true, collectedAt: true } });
  if (!target) return [{ outcome: "skipped", snapshotId, reason: "snapshot no longer exists" }];
  const outcomes: EvaluateOutcome[] = [];
  const failedPredecessors: string[] = [];
  for (;;) {
    const next = await prisma.snapshot.findFirst({
      where: {
        orgId: target.orgId,
        clusterId: target.clusterId,
        status: "queued",
        id: { notIn: failedPredecessors },
        OR: [{ collectedAt: { lt: target.collectedAt } }, { id: target.id }],
      },
      orderBy: [{ collectedAt: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    if (!next) break;
    if (next.id === target.id) {
      outcomes.push(await evaluateWithRestart(next.id, options));
      break;
    }
    try {
      outcomes.push(await evaluateWithRestart(next.id, options));
    } catch (error) {
      console.error(`[worker] older snapshot ${next.id} failed; its own job retries it:`, (error as Error).message);
      failedPredecessors.push(next.id);
    }
  }
  if (!outcomes.some((o) => o.snapshotId === snapshotId)) outcomes.push(await evaluateWithRestart(snapshotId, options));
  return outcomes;
}
