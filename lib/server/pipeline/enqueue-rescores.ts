import type PgBoss from "pg-boss";
import { prisma } from "@/lib/db/client";
import { LIBRARY_VERSION } from "@/lib/controls";
import { QUEUES, sendJob, type RescoreClusterJob } from "./job-queue";

async function send(boss: PgBoss, jobs: RescoreClusterJob[], db?: PgBoss.Db): Promise<number> {
  let queued = 0;
  // singletonKey + the queue's "short" policy: one queued re-score per cluster, however many asks.
  for (const job of jobs) if (await sendJob(boss, QUEUES.rescoreCluster, job, { singletonKey: job.clusterId, ...(db ? { db } : {}) })) queued++;
  return queued;
}

/** Queues a re-score of every cluster whose latest evaluated snapshot used another control library version. */
export async function enqueueLibraryRescores(boss: PgBoss, libraryVersion: string = LIBRARY_VERSION): Promise<number> {
  const clusters = await prisma.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT c."id", c."orgId" FROM "Cluster" c JOIN "Snapshot" s ON s."id" = c."latestSnapshotId"
     WHERE s."evaluatedAt" IS NOT NULL AND s."libraryVersion" IS DISTINCT FROM ${libraryVersion}`;
  return send(boss, clusters.map((c) => ({ orgId: c.orgId, clusterId: c.id, reason: `control library ${libraryVersion}` })));
}

/**
 * Queues re-scores of the given clusters of an organization (those with an evaluated snapshot);
 * with `db` (transactionDb) the jobs commit together with the caller's change.
 */
export async function enqueueClusterRescores(boss: PgBoss, { orgId, clusterIds, reason, db }: { orgId: string; clusterIds: string[]; reason: string; db?: PgBoss.Db }): Promise<number> {
  if (!clusterIds.length) return 0;
  const clusters = await prisma.cluster.findMany({ where: { orgId, id: { in: clusterIds }, latestSnapshotId: { not: null } }, select: { id: true } });
  return send(boss, clusters.map((c) => ({ orgId, clusterId: c.id, reason })), db);
}
