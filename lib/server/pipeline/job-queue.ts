// The evaluation queue: pg-boss (v10, Node 20) in the application's own PostgreSQL, schema
// "pgboss". pg-boss installs and migrates its schema itself on start (advisory-locked, so many
// processes may start at once). Web processes only enqueue; workers (lib/server/pipeline/start-worker.ts)
// fetch with FOR UPDATE SKIP LOCKED, so any number of workers on any number of machines share it.
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDatabaseUrl } from "@/lib/db/client";

export const QUEUES = {
  evaluateSnapshot: "evaluate-snapshot",
  evaluateSnapshotDead: "evaluate-snapshot-dead",
  rescoreCluster: "rescore-cluster",
  rescoreClusterDead: "rescore-cluster-dead",
  librarySweep: "library-sweep",
  pruneHistory: "prune-history",
} as const;

export type EvaluateSnapshotJob = { orgId: string; clusterId: string; snapshotId: string };
export type RescoreClusterJob = { orgId: string; clusterId: string; reason: string };

export type QueueTuning = {
  /** A job running longer than this (e.g. its worker died) is failed and retried. */
  expireInSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
};

const DEFAULT_TUNING: Required<QueueTuning> = { expireInSeconds: 15 * 60, retryLimit: 3, retryDelaySeconds: 15 };

/** Creates the queues (idempotent) or applies new tuning to existing ones. */
export async function ensureQueues(boss: PgBoss, tuning: QueueTuning = {}): Promise<void> {
  const t = { ...DEFAULT_TUNING, ...tuning };
  const retention = { retentionMinutes: 14 * 24 * 60 };
  const retry = { retryLimit: t.retryLimit, retryDelay: t.retryDelaySeconds, retryBackoff: true, expireInSeconds: t.expireInSeconds };
  // Dead-letter queues first: a queue's deadLetter must exist (foreign key).
  const queues: PgBoss.Queue[] = [
    { name: QUEUES.evaluateSnapshotDead, policy: "standard", ...retention, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    { name: QUEUES.rescoreClusterDead, policy: "standard", ...retention, retryLimit: 0 },
    { name: QUEUES.evaluateSnapshot, policy: "standard", ...retention, ...retry, deadLetter: QUEUES.evaluateSnapshotDead },
    // "short": at most one queued re-score per cluster (singletonKey); more requests fold into it.
    { name: QUEUES.rescoreCluster, policy: "short", ...retention, ...retry, deadLetter: QUEUES.rescoreClusterDead },
    { name: QUEUES.librarySweep, policy: "short", ...retention, retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 },
    { name: QUEUES.pruneHistory, policy: "short", ...retention, retryLimit: 2, retryDelay: 300, expireInSeconds: 60 * 60 },
  ];
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const { name, ...options } of queues) {
    if (existing.has(name)) await boss.updateQueue(name, options as PgBoss.Queue);
    else await boss.createQueue(name, options as PgBoss.Queue);
  }
}

export type JobQueueOptions = { connectionString?: string; poolSize?: number; tuning?: QueueTuning };

/** A started pg-boss client that only sends (no maintenance, no cron): for web processes and scripts. */
export async function startSendOnlyQueue(options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.connectionString ?? getDatabaseUrl(),
    max: options.poolSize ?? 2,
    supervise: false,
    schedule: false,
    migrate: true,
  });
  boss.on("error", (error) => console.error("[job-queue]", error));
  await boss.start();
  await ensureQueues(boss, options.tuning);
  return boss;
}

const globalForQueue = globalThis as unknown as { shipshapeJobQueue?: Promise<PgBoss> };

/** The process-wide send-only client (started on first use). */
export function sharedJobQueue(): Promise<PgBoss> {
  if (!globalForQueue.shipshapeJobQueue) {
    globalForQueue.shipshapeJobQueue = startSendOnlyQueue().catch((error: unknown) => {
      globalForQueue.shipshapeJobQueue = undefined;
      throw error;
    });
  }
  return globalForQueue.shipshapeJobQueue;
}

/**
 * pg-boss's database interface over a Prisma interactive transaction: a job sent through it is
 * inserted in that transaction, so it exists exactly when the state change that needs it commits.
 */
export function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((v) => (v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v));
      return { rows: await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params) };
    },
  } as PgBoss.Db;
}

/** Sends a job; throws when pg-boss inserted nothing (unknown queue), never fails silently. */
export async function sendJob(boss: PgBoss, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const id = await boss.send(queue, data, options);
  if (id === null && !options.singletonKey) throw new Error(`pg-boss did not accept a job for queue "${queue}"`);
  return id;
}
