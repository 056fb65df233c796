import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";

export type SnapshotPoint = {
  id: string;
  collectedAt: Date;
  objectCount: number;
  /** Its scores (ControlScores: per-control counts, framework scores). */
  controlScoresHash: string | null;
};

const SELECT = { id: true, collectedAt: true, objectCount: true, controlScoresHash: true } as const;

/**
 * A visible (complete) snapshot of the cluster named by id, or the latest one collected at or
 * before an ISO time; `before` instead picks the one preceding that snapshot. null = none.
 */
export async function resolveSnapshotPoint({ orgId, clusterId, ref, before }: { orgId: string; clusterId: string; ref?: string; before?: SnapshotPoint }): Promise<SnapshotPoint | null> {
  if (ref && !/^\d{4}-\d{2}-\d{2}/.test(ref)) {
    const byId = await prisma.snapshot.findFirst({ where: { orgId, clusterId, id: ref, status: "complete" }, select: SELECT });
    if (!byId) throw new AppError("not_found", `Snapshot ${ref} not found in this cluster.`);
    return byId;
  }
  let at: Date | undefined;
  if (ref) {
    at = new Date(ref);
    if (Number.isNaN(at.getTime())) throw new AppError("validation_failed", `"${ref}" is neither a snapshot id nor an ISO date-time.`);
  }
  return prisma.snapshot.findFirst({
    where: {
      orgId,
      clusterId,
      status: "complete",
      ...(before ? { collectedAt: { lt: before.collectedAt } } : at ? { collectedAt: { lte: at } } : {}),
    },
    orderBy: { collectedAt: "desc" },
    select: SELECT,
  });
}
