import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScanReport } from "@/lib/engine/report";
import { scanIncrementally, type ControlResult, type ScanInput } from "@/lib/engine/run-scan";
import type { K8sObject } from "@/lib/engine/types";
import { decodeManifest } from "@/lib/server/snapshots/manifest-codec";
import { collectFailing, FailingSet, scoresOf, type CompactScores } from "./compact-scores";
import { diffObjects } from "./diff-objects";
import { evaluationFingerprint, loadEvaluationInputs } from "./load-evaluation-inputs";
import { loadObjectBodies } from "./load-object-bodies";
import { PhaseClock } from "./phase-clock";
import { applyObjectDiff, FindingIntervalWriter, lockCluster, StatementQueue, storeControlScores, touchMatchedExceptions, upsertDailyScore } from "./write-evaluation";

export class ClusterAdvancedError extends Error {
  constructor(clusterId: string, snapshotId: string) {
    super(`cluster ${clusterId} advanced while snapshot ${snapshotId} was being evaluated`);
    this.name = "ClusterAdvancedError";
  }
}

export type EvaluateOptions = {
  /** The engine (injectable so benchmarks can memoize it; production streams scanIncrementally). */
  scan?: (input: ScanInput) => ScanReport;
  /** Runs inside the transaction just before commit (tests use it to crash a worker mid-job). */
  beforeCommit?: (tx: Prisma.TransactionClient) => Promise<void>;
};

export type EvaluateOutcome =
  | { outcome: "evaluated" | "reused"; snapshotId: string; late: boolean; added: number; changed: number; removed: number; opened: number; closed: number; engineMs: number; phases: Record<string, number> }
  | { outcome: "skipped"; snapshotId: string; reason: string };

// Prisma's interactive transactions default to 5 s; a first snapshot of a large cluster writes tens
// of thousands of rows.
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 300_000 } as const;

/**
 * Evaluates one queued snapshot and stores, in ONE transaction: its scores, the cluster's new
 * current state and change events, finding intervals, the daily roll-up; the pending manifest is
 * deleted and the snapshot becomes `complete` (visible). Anything failing rolls all of it back.
 * A snapshot older than the cluster's latest evaluation (a late delivery) gets its scores only:
 * current state and intervals never move backwards. Idempotent: a complete snapshot is skipped.
 */
export async function evaluateSnapshot({ snapshotId, ...options }: { snapshotId: string } & EvaluateOptions): Promise<EvaluateOutcome> {
  const clock = new PhaseClock();
  const snapshot = await prisma.snapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, orgId: true, clusterId: true, status: true, collectedAt: true, manifestDigest: true, pendingManifest: { select: { manifest: true } } },
  });
  if (!snapshot) return { outcome: "skipped", snapshotId, reason: "snapshot no longer exists" };
  if (snapshot.status !== "queued") return { outcome: "skipped", snapshotId, reason: `snapshot is ${snapshot.status}` };
  if (!snapshot.pendingManifest || !snapshot.manifestDigest) throw new Error(`snapshot ${snapshotId} is queued but has no manifest`);
  const { orgId, clusterId, collectedAt } = snapshot;
  const entries = decodeManifest(snapshot.pendingManifest.manifest);

  const cluster = await prisma.cluster.findFirstOrThrow({ where: { orgId, id: clusterId }, select: { latestSnapshotId: true } });
  const previous = cluster.latestSnapshotId
    ? await prisma.snapshot.findFirst({
        where: { orgId, id: cluster.latestSnapshotId },
        select: { id: true, collectedAt: true, inputFingerprint: true, controlScoresHash: true, failingResources: true, libraryVersion: true, engineVersion: true, objectCount: true },
      })
    : null;

  // Objects are needed for the fingerprint only through their Node names: bodies are loaded only
  // when the snapshot is evaluated.
  const nodeKeys = entries.filter(([key]) => key.startsWith("/Node/"));
  const nodeObjects = nodeKeys.map(([key]) => ({ apiVersion: "v1", kind: "Node", metadata: { name: key.split("/")[3] } }) as K8sObject);
  const inputs = await loadEvaluationInputs({ orgId, clusterId, objects: nodeObjects, at: collectedAt });
  const fingerprint = evaluationFingerprint(snapshot.manifestDigest, inputs, collectedAt);

  let engineMs = 0;
  const reuse = previous && previous.inputFingerprint === fingerprint ? previous : null;
  clock.lap("rest");
  // Before the transaction, on its own connection: with the embedded PostgreSQL (one session
  // underneath) or a pool of one, a read on another connection would wait for the transaction.
  let objects: K8sObject[] | null = null;
  if (!reuse) {
    objects = await loadObjectBodies(orgId, entries);
    clock.lap("load bodies");
  }

  return prisma.$transaction(async (tx) => {
    const locked = await lockCluster(tx, orgId, clusterId);
    const current = await tx.snapshot.findUnique({ where: { id: snapshotId }, select: { status: true } });
    if (current?.status !== "queued") return { outcome: "skipped" as const, snapshotId, reason: `snapshot is ${current?.status ?? "gone"}` };
    if (locked.latestSnapshotId !== cluster.latestSnapshotId) {
      // Another evaluation of this cluster committed since we read it: start over from the new state.
      throw new ClusterAdvancedError(clusterId, snapshotId);
    }
    clock.lap("rest");
    const late = !!previous && collectedAt.getTime() < previous.collectedAt.getTime();
    let added = 0, changed = 0, removed = 0, opened = 0, closed = 0;
    const evaluatedAt = new Date();

    if (reuse) {
      // The new snapshot refers to the previous one's scores row: an unchanged push adds one narrow row.
      await tx.snapshot.update({
        where: { id: snapshotId },
        data: {
          status: "complete",
          evaluatedAt,
          inputFingerprint: fingerprint,
          controlScoresHash: reuse.controlScoresHash,
          failingResources: reuse.failingResources,
          libraryVersion: reuse.libraryVersion,
          engineVersion: reuse.engineVersion,
        },
      });
      const reused = reuse.controlScoresHash
        ? await tx.controlScores.findUnique({ where: { orgId_hash: { orgId, hash: reuse.controlScoresHash } }, select: { frameworkScores: true, failedBySeverity: true } })
        : null;
      await upsertDailyScore(tx, {
        orgId, clusterId, snapshotId, collectedAt, isNewSnapshot: true,
        scores: {
          frameworkScores: (reused?.frameworkScores ?? {}) as CompactScores["frameworkScores"],
          failedBySeverity: (reused?.failedBySeverity ?? {}) as CompactScores["failedBySeverity"],
          objectCount: reuse.objectCount,
        },
        failingResources: reuse.failingResources ?? 0,
      });
      if (!late) await touchExceptionsOfOpenFindings(tx, orgId, clusterId, collectedAt);
    } else {
      // The engine runs inside the transaction and the cluster's writes are queued as its controls
      // come out: Postgres stores one batch while the engine evaluates the next controls (on a
      // first snapshot of 10,000 objects the writes take as long as the engine).
      const queue = new StatementQueue();
      let intervals: FindingIntervalWriter | null = null;
      if (!late) {
        queue.run(async () => {
          const currentObjects = await tx.$queryRaw<{ key: string; hash: string }[]>`
            SELECT "key", "hash" FROM "ClusterObject" WHERE "clusterId" = ${clusterId}`;
          const diff = diffObjects(new Map(currentObjects.map((o) => [o.key, o.hash])), entries);
          await applyObjectDiff(tx, { orgId, clusterId, snapshotId, at: collectedAt, diff });
          added = diff.added.length;
          changed = diff.changed.length;
          removed = diff.removed.length;
        });
        intervals = new FindingIntervalWriter(tx, { orgId, clusterId, at: collectedAt, lastSeenAt: previous?.collectedAt ?? collectedAt }, queue);
      }
      const failing = new FailingSet();
      const objectKeys = new Map<object, string>();
      let report: ScanReport;
      try {
        const input: ScanInput = { objects: objects!, nodes: inputs.nodes, settings: inputs.settings, exceptions: inputs.exceptions, cluster: inputs.cluster, now: collectedAt };
        const scan = options.scan ? controlsOf(options.scan(input)) : scanIncrementally(input);
        for (;;) {
          const started = performance.now();
          const next = scan.next();
          engineMs += performance.now() - started;
          if (next.done) {
            report = next.value;
            break;
          }
          const { control, findings } = next.value;
          collectFailing(failing, findings, objectKeys);
          intervals?.addControl(control.id, failing.only(control.id));
          if (queue.failed) break;
          // A turn of the event loop after each control (a few ms each, ~100 ms at most): the driver
          // receives a finished statement's result and sends the next one with little delay.
          await new Promise(setImmediate);
        }
      } catch (error) {
        // Nothing of the transaction may still run when it rolls back.
        await queue.settle();
        throw error;
      }
      clock.lap("engine + queued writes");
      if (intervals) ({ opened, closed } = await intervals.finish());
      await queue.drain();
      clock.lap("writes after the engine");
      const s = scoresOf(report!, failing);
      await storeControlScores(tx, orgId, s);
      if (!late) await touchMatchedExceptions(tx, orgId, report!.summary.exceptionsApplied, collectedAt);
      await tx.snapshot.update({
        where: { id: snapshotId },
        data: {
          status: "complete",
          evaluatedAt,
          inputFingerprint: fingerprint,
          controlScoresHash: s.controlScoresHash,
          failingResources: s.failing.size,
          libraryVersion: report!.libraryVersion,
          engineVersion: report!.engineVersion,
          objectCount: entries.length,
          objectsAdded: added,
          objectsChanged: changed,
          objectsRemoved: removed,
        },
      });
      await upsertDailyScore(tx, { orgId, clusterId, snapshotId, collectedAt, isNewSnapshot: true, scores: s, failingResources: s.failing.size });
    }
    await tx.pendingManifest.delete({ where: { snapshotId } });
    if (!late) await tx.cluster.update({ where: { id: clusterId }, data: { latestSnapshotId: snapshotId, latestEvaluatedAt: collectedAt } });
    if (options.beforeCommit) await options.beforeCommit(tx);
    clock.lap("rest");
    return { outcome: reuse ? ("reused" as const) : ("evaluated" as const), snapshotId, late, added, changed, removed, opened, closed, engineMs };
  }, TRANSACTION_OPTIONS).then((outcome) => (outcome.outcome === "skipped" ? outcome : { ...outcome, phases: clock.finish("commit") }));
}

/** A finished report, one control at a time (as scanIncrementally yields it). */
function* controlsOf(report: ScanReport): Generator<ControlResult, ScanReport, void> {
  let i = 0;
  for (const control of report.controls) {
    const start = i;
    while (i < report.findings.length && report.findings[i].controlId === control.id) i++;
    yield { control, findings: report.findings.slice(start, i) };
  }
  return report;
}

/** Exceptions covering still-open findings keep matching while nothing changes (stale report). */
async function touchExceptionsOfOpenFindings(tx: Prisma.TransactionClient, orgId: string, clusterId: string, at: Date): Promise<void> {
  const rows = await tx.$queryRaw<{ exceptionId: string }[]>`
    SELECT DISTINCT "exceptionId" FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL AND "exceptionId" IS NOT NULL`;
  await touchMatchedExceptions(tx, orgId, Object.fromEntries(rows.map((r) => [r.exceptionId, 1])), at);
}
