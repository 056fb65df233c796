import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { clusterStatus, CLUSTER_STALE_AFTER_MS, type ClusterStatus } from "@/lib/server/clusters/cluster-status";

export type CollectionError = { resource: string; reason: string; message: string };

export type AgentHealth = {
  status: ClusterStatus;
  staleAfterMinutes: number;
  lastSeenAt: Date | null;
  agentVersion: string | null;
  /** The newest snapshot received (any state) and the newest one evaluated. */
  lastPush: { snapshotId: string; collectedAt: Date; receivedAt: Date; status: string } | null;
  lastEvaluated: { snapshotId: string; collectedAt: Date; evaluatedAt: Date | null; libraryVersion: string | null } | null;
  /** What the latest evaluated snapshot could not collect (forbidden types, timeouts). */
  collectionErrors: CollectionError[];
  /** Snapshots received but not (yet) visible: pending upload, queued for evaluation, failed. */
  backlog: { pending: number; queued: number; failed: number };
  recentFailures: { snapshotId: string; collectedAt: Date; error: string | null }[];
  tokens: { id: string; name: string; prefix: string; lastUsedAt: Date | null; revokedAt: Date | null; expiresAt: Date | null }[];
};

function collectionErrorsOf(value: unknown): CollectionError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
    .map((e) => ({
      // The protocol reports group/version/resource separately; older rows carry one joined string.
      resource: e.version ? [e.group, e.version, e.resource].filter(Boolean).join("/") : String(e.resource ?? "unknown"),
      reason: String(e.reason ?? "error"),
      message: String(e.message ?? ""),
    }));
}

/** Is the cluster's agent reporting, what did its last snapshot miss, and is anything stuck? */
export async function getAgentHealth({ orgId, clusterId, now = new Date() }: { orgId: string; clusterId: string; now?: Date }): Promise<AgentHealth> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, lastSeenAt: true, agentVersion: true, latestSnapshotId: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const [lastPush, latest, backlog, failures, tokens] = await Promise.all([
    prisma.snapshot.findFirst({ where: { orgId, clusterId }, orderBy: { createdAt: "desc" }, select: { id: true, collectedAt: true, createdAt: true, status: true } }),
    cluster.latestSnapshotId
      ? prisma.snapshot.findFirst({ where: { orgId, id: cluster.latestSnapshotId }, select: { id: true, collectedAt: true, evaluatedAt: true, libraryVersion: true, collectionErrors: true } })
      : prisma.snapshot.findFirst({ where: { orgId, clusterId, status: "complete" }, orderBy: { collectedAt: "desc" }, select: { id: true, collectedAt: true, evaluatedAt: true, libraryVersion: true, collectionErrors: true } }),
    prisma.snapshot.groupBy({ by: ["status"], where: { orgId, clusterId, status: { in: ["pending", "queued", "failed"] } }, _count: { _all: true } }),
    prisma.snapshot.findMany({ where: { orgId, clusterId, status: "failed" }, orderBy: { collectedAt: "desc" }, take: 5, select: { id: true, collectedAt: true, error: true } }),
    prisma.agentToken.findMany({ where: { orgId, clusterId }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, expiresAt: true } }),
  ]);
  const count = (status: string) => backlog.find((b) => b.status === status)?._count._all ?? 0;
  return {
    status: clusterStatus(cluster.lastSeenAt, now),
    staleAfterMinutes: CLUSTER_STALE_AFTER_MS / 60_000,
    lastSeenAt: cluster.lastSeenAt,
    agentVersion: cluster.agentVersion,
    lastPush: lastPush ? { snapshotId: lastPush.id, collectedAt: lastPush.collectedAt, receivedAt: lastPush.createdAt, status: lastPush.status } : null,
    lastEvaluated: latest ? { snapshotId: latest.id, collectedAt: latest.collectedAt, evaluatedAt: latest.evaluatedAt, libraryVersion: latest.libraryVersion } : null,
    collectionErrors: collectionErrorsOf(latest?.collectionErrors),
    backlog: { pending: count("pending"), queued: count("queued"), failed: count("failed") },
    recentFailures: failures.map((f) => ({ snapshotId: f.id, collectedAt: f.collectedAt, error: f.error })),
    tokens,
  };
}
