// Re-scoring a cluster's history on request. The latest snapshot goes through the pipeline's
// rescore-cluster queue (lib/server/pipeline/rescore-cluster.ts: scores, roll-up and open finding
// intervals). Each older snapshot is a job of its own on the rescore-snapshot queue, newest first
// (priority): its objects are rebuilt from the cluster's current state with every later change event
// undone, re-evaluated with today's library, exceptions and settings, and its scores and day's
// roll-up replaced. Finding intervals of the past are left as they were observed.
import type PgBoss from "pg-boss";
import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { runScan } from "@/lib/engine/run-scan";
import { compactScores } from "@/lib/server/pipeline/compact-scores";
import { enqueueClusterRescores } from "@/lib/server/pipeline/enqueue-rescores";
import type { EvaluateOptions } from "@/lib/server/pipeline/evaluate-snapshot";
import { evaluationFingerprint, loadEvaluationInputs } from "@/lib/server/pipeline/load-evaluation-inputs";
import { loadObjectBodies } from "@/lib/server/pipeline/load-object-bodies";
import { storeControlScores, upsertDailyScore } from "@/lib/server/pipeline/write-evaluation";
import { manifestDigest, type ManifestEntry } from "@/lib/server/snapshots/manifest-codec";

export const RESCORE_SNAPSHOT_QUEUE = "rescore-snapshot";
export type RescoreSnapshotJob = { orgId: string; clusterId: string; snapshotId: string; reason: string };

/** Creates the queue (idempotent). "short" + singletonKey: one queued job per snapshot, however many asks. */
export async function ensureRescoreSnapshotQueue(boss: PgBoss): Promise<void> {
  const existing = await boss.getQueue(RESCORE_SNAPSHOT_QUEUE);
  if (existing) return;
  try {
    await boss.createQueue(RESCORE_SNAPSHOT_QUEUE, { name: RESCORE_SNAPSHOT_QUEUE, policy: "short", retryLimit: 3, retryDelay: 15, retryBackoff: true, expireInSeconds: 15 * 60, retentionMinutes: 14 * 24 * 60 });
  } catch (error) {
    // Another process created it at the same moment.
    if (!(await boss.getQueue(RESCORE_SNAPSHOT_QUEUE))) throw error;
  }
}

export type RescoreRequest = {
  clusterId: string;
  /** 1 when the latest snapshot's re-score was queued, 0 when one was already waiting or there is none. */
  latestQueued: number;
  /** Older snapshots queued (0 unless history was asked for). */
  historyQueued: number;
  queued: number;
  /** Evaluated snapshots the request covers (the latest plus, with history, the older ones). */
  snapshots: number;
};

/**
 * Queues re-scores of a cluster: its latest evaluated snapshot and, with `history`, every older one
 * the pipeline evaluated (imported snapshots keep the tool's verdicts and are not re-scored).
 */
export async function requestClusterRescore({ boss, orgId, clusterId, history, reason }: { boss: PgBoss; orgId: string; clusterId: string; history: boolean; reason: string }): Promise<RescoreRequest> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, latestSnapshotId: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const latest = cluster.latestSnapshotId
    ? await prisma.snapshot.findFirst({ where: { orgId, id: cluster.latestSnapshotId, evaluatedAt: { not: null }, manifestDigest: { not: null } }, select: { id: true } })
    : null;
  const latestQueued = latest ? await enqueueClusterRescores(boss, { orgId, clusterIds: [clusterId], reason }) : 0;
  let historyQueued = 0;
  let older: { id: string }[] = [];
  if (history) {
    older = await prisma.snapshot.findMany({
      where: { orgId, clusterId, status: "complete", evaluatedAt: { not: null }, manifestDigest: { not: null }, ...(cluster.latestSnapshotId ? { id: { not: cluster.latestSnapshotId } } : {}) },
      orderBy: [{ collectedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (older.length) await ensureRescoreSnapshotQueue(boss);
    for (let i = 0; i < older.length; i++) {
      const job: RescoreSnapshotJob = { orgId, clusterId, snapshotId: older[i].id, reason };
      // Newest first: pg-boss fetches higher priorities first.
      const id = await boss.send(RESCORE_SNAPSHOT_QUEUE, job, { singletonKey: older[i].id, priority: older.length - i });
      if (id) historyQueued++;
    }
  }
  return { clusterId, latestQueued, historyQueued, queued: latestQueued + historyQueued, snapshots: (latest ? 1 : 0) + older.length };
}

/** The cluster's objects as of `at`: current state with every change event after `at` undone. */
async function stateAt(orgId: string, clusterId: string, at: Date): Promise<ManifestEntry[]> {
  const current = await prisma.clusterObject.findMany({ where: { orgId, clusterId }, select: { key: true, hash: true } });
  const state = new Map(current.map((o) => [o.key, o.hash]));
  const later = await prisma.objectChange.findMany({
    where: { orgId, clusterId, at: { gt: at } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { key: true, change: true, oldHash: true },
  });
  for (const c of later) {
    if (c.change === "added") state.delete(c.key);
    else if (c.oldHash) state.set(c.key, c.oldHash);
  }
  return [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export type SnapshotRescoreOutcome = { outcome: "rescored"; snapshotId: string } | { outcome: "skipped"; snapshotId: string; reason: string };

/** Re-scores one older snapshot of a cluster (see the file comment). */
export async function rescoreHistoricalSnapshot({ orgId, clusterId, snapshotId, ...options }: RescoreSnapshotJob & Pick<EvaluateOptions, "scan">): Promise<SnapshotRescoreOutcome> {
  const snapshot = await prisma.snapshot.findFirst({
    where: { orgId, clusterId, id: snapshotId, status: "complete", evaluatedAt: { not: null } },
    select: { id: true, collectedAt: true, manifestDigest: true },
  });
  if (!snapshot?.manifestDigest) return { outcome: "skipped", snapshotId, reason: "not an evaluated pipeline snapshot (pruned, imported or not evaluated yet)" };
  const entries = await stateAt(orgId, clusterId, snapshot.collectedAt);
  // A late delivery never moved the cluster's state, so its objects cannot be rebuilt from it.
  if (manifestDigest(entries) !== snapshot.manifestDigest) return { outcome: "skipped", snapshotId, reason: "its objects cannot be rebuilt exactly from the stored history" };
  const objects = await loadObjectBodies(orgId, entries);
  const inputs = await loadEvaluationInputs({ orgId, clusterId, objects, at: snapshot.collectedAt });
  const report = (options.scan ?? runScan)({ objects, nodes: inputs.nodes, settings: inputs.settings, exceptions: inputs.exceptions, cluster: inputs.cluster, now: snapshot.collectedAt });
  const scores = compactScores(report);
  const fingerprint = evaluationFingerprint(snapshot.manifestDigest, inputs, snapshot.collectedAt);
  await prisma.$transaction(
    async (tx) => {
      await storeControlScores(tx, orgId, scores);
      await tx.snapshot.update({
        where: { id: snapshot.id },
        data: {
          evaluatedAt: new Date(),
          inputFingerprint: fingerprint,
          controlScoresHash: scores.controlScoresHash,
          failingResources: scores.failing.size,
          libraryVersion: report.libraryVersion,
          engineVersion: report.engineVersion,
        },
      });
      // Replaces the day's roll-up only when this snapshot is that day's latest.
      await upsertDailyScore(tx, { orgId, clusterId, snapshotId: snapshot.id, collectedAt: snapshot.collectedAt, isNewSnapshot: false, scores, failingResources: scores.failing.size });
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
  return { outcome: "rescored", snapshotId };
}

/** Registers the rescore-snapshot handler on a worker's pg-boss (lib/server/pipeline/start-worker.ts). */
export async function workRescoreSnapshotQueue(boss: PgBoss, options: Pick<EvaluateOptions, "scan"> & { pollingIntervalSeconds?: number } = {}): Promise<string> {
  await ensureRescoreSnapshotQueue(boss);
  return boss.work<RescoreSnapshotJob>(RESCORE_SNAPSHOT_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([job]) => rescoreHistoricalSnapshot({ ...job.data, scan: options.scan }));
}
