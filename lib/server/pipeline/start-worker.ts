// A pipeline worker: evaluates queued snapshots, re-scores clusters, sweeps for control-library
// upgrades and prunes history. Start as many as you like, on as many machines: pg-boss hands each
// job to one worker (FOR UPDATE SKIP LOCKED) and per-cluster work is serialized by a row lock.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { getDatabaseUrl, prisma } from "@/lib/db/client";
import { evaluateClusterBacklog } from "./evaluate-cluster-backlog";
import type { EvaluateOptions } from "./evaluate-snapshot";
import { enqueueLibraryRescores } from "./enqueue-rescores";
import { ensureQueues, QUEUES, sendJob, type EvaluateSnapshotJob, type QueueTuning, type RescoreClusterJob } from "./job-queue";
import { pruneHistory } from "./prune-history";
import { rescoreCluster } from "./rescore-cluster";
import { workRescoreSnapshotQueue } from "@/lib/server/imports/rescore-history";

export type WorkerOptions = EvaluateOptions & {
  connectionString?: string;
  /** Evaluations run at once in this process (the engine is CPU-bound: about one per core). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /** Seconds between pg-boss maintenance runs (expiring jobs of dead workers, archiving). */
  maintenanceIntervalSeconds?: number;
  tuning?: QueueTuning;
  /** Cron schedules for the library sweep and retention (false: none, e.g. in tests). */
  schedules?: boolean;
  workerId?: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

export type RunningWorker = { workerId: string; boss: PgBoss; stop(): Promise<void> };

function defaultLog(message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), component: "worker", msg: message, ...fields })}\n`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Marks a snapshot that exhausted its retries as failed, with the reason admins will see. */
export async function markSnapshotFailed(snapshotId: string, error: string): Promise<void> {
  await prisma.snapshot.updateMany({ where: { id: snapshotId, status: "queued" }, data: { status: "failed", error: error.slice(0, 2000) } });
}

async function lastFailureOf(snapshotId: string): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ output: { message?: string; value?: { message?: string } } | null }[]>`
    SELECT "output" FROM pgboss.job WHERE "name" = ${QUEUES.evaluateSnapshot} AND "data"->>'snapshotId' = ${snapshotId} AND "state" = 'failed'
     ORDER BY "completed_on" DESC NULLS LAST LIMIT 1`;
  const output = rows[0]?.output;
  return output?.message ?? output?.value?.message ?? null;
}

export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const log = options.log ?? defaultLog;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const boss = new PgBoss({
    connectionString: options.connectionString ?? getDatabaseUrl(),
    max: concurrency + 3,
    supervise: true,
    schedule: options.schedules !== false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on("error", (error) => log("queue error", { workerId, error: errorText(error) }));
  await boss.start();
  await ensureQueues(boss, options.tuning);
  const evaluateOptions: EvaluateOptions = { scan: options.scan, beforeCommit: options.beforeCommit };

  for (let i = 0; i < concurrency; i++) {
    await boss.work<EvaluateSnapshotJob>(QUEUES.evaluateSnapshot, { ...polling, batchSize: 1, includeMetadata: true }, async ([job]) => {
      const started = Date.now();
      try {
        const outcomes = await evaluateClusterBacklog(job.data.snapshotId, evaluateOptions);
        log("evaluated", { workerId, snapshotId: job.data.snapshotId, ms: Date.now() - started, outcomes: outcomes.map((o) => o.outcome) });
        return { workerId, outcomes };
      } catch (error) {
        log("evaluation failed", { workerId, snapshotId: job.data.snapshotId, attempt: job.retryCount + 1, of: job.retryLimit + 1, error: errorText(error) });
        if (job.retryCount >= job.retryLimit) await markSnapshotFailed(job.data.snapshotId, errorText(error));
        throw error;
      }
    });
  }
  // Reached when every attempt failed, including attempts whose worker died (expired jobs run no handler).
  await boss.work<EvaluateSnapshotJob>(QUEUES.evaluateSnapshotDead, polling, async ([job]) => {
    const reason = (await lastFailureOf(job.data.snapshotId)) ?? "evaluation did not finish";
    await markSnapshotFailed(job.data.snapshotId, `evaluation failed after every retry: ${reason}`);
    log("snapshot dead-lettered", { workerId, snapshotId: job.data.snapshotId, reason });
  });
  await boss.work<RescoreClusterJob>(QUEUES.rescoreCluster, { ...polling, batchSize: 1 }, async ([job]) => {
    const outcome = await rescoreCluster({ orgId: job.data.orgId, clusterId: job.data.clusterId, scan: options.scan });
    log("rescored", { workerId, clusterId: job.data.clusterId, reason: job.data.reason, ...outcome });
    return { workerId, ...outcome };
  });
  // Older snapshots re-scored on request (POST …/clusters/[id]/rescore), newest first.
  await workRescoreSnapshotQueue(boss, { scan: options.scan, pollingIntervalSeconds: polling.pollingIntervalSeconds });
  await boss.work(QUEUES.librarySweep, polling, async () => {
    const queued = await enqueueLibraryRescores(boss);
    if (queued) log("control library changed: re-scores queued", { workerId, clusters: queued });
    return { queued };
  });
  await boss.work(QUEUES.pruneHistory, polling, async () => {
    const result = await pruneHistory();
    log("history pruned", { workerId, ...result });
    return result;
  });
  if (options.schedules !== false) {
    await boss.schedule(QUEUES.librarySweep, "17 * * * *");
    await boss.schedule(QUEUES.pruneHistory, "41 3 * * *");
  }
  // A new release with a changed library re-scores every cluster right after it starts.
  await sendJob(boss, QUEUES.librarySweep, {}, { singletonKey: "startup" });
  log("worker started", { workerId, concurrency });

  return {
    workerId,
    boss,
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
