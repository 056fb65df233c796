// The writes of one evaluation, all inside the caller's transaction. Bulk statements over columns
// sent as JSON arrays: a first snapshot of 10,000 objects is a handful of statements, not 10,000
// round trips.
import type { Prisma } from "@/lib/generated/prisma/client";
import { FailingSet, type CompactScores, type FailingResource } from "./compact-scores";
import { messageHashOf } from "./finding-messages";
import type { ObjectDiff } from "./diff-objects";
import { planFindingIntervals, type OpenInterval } from "./plan-finding-intervals";

type Tx = Prisma.TransactionClient;

// A first snapshot of a pod-heavy cluster opens ~280,000 intervals: fewer, larger statements keep
// the per-statement cost (planning, round trip) small next to the inserts themselves.
const ROWS_PER_STATEMENT = 20_000;

/**
 * One column of a bulk statement as a JSON array, expanded server-side by
 * `ROWS FROM (json_array_elements_text(…), …)`, which zips the columns back into rows. It replaces
 * `unnest(…::text[])`: the driver's text[] encoding cost ~10× more client CPU (~350 ms per 280,000
 * intervals) than JSON.stringify, for the same server work.
 */
const column = (values: readonly (string | null)[]): string => JSON.stringify(values);

function batches<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Opened intervals in primary-key order (control, resource): a new cluster's rows append at the index's right edge. */
function inIndexOrder(resources: readonly FailingResource[]): FailingResource[] {
  return [...resources].sort((a, b) =>
    a.controlId < b.controlId ? -1 : a.controlId > b.controlId ? 1 : a.resourceKey < b.resourceKey ? -1 : a.resourceKey > b.resourceKey ? 1 : 0,
  );
}

/**
 * Serializes evaluations of one cluster (row lock until commit): several workers may run, but a
 * cluster's current state, change events and intervals are only ever advanced by one at a time.
 */
export async function lockCluster(tx: Tx, orgId: string, clusterId: string): Promise<{ latestSnapshotId: string | null; latestEvaluatedAt: Date | null }> {
  const rows = await tx.$queryRaw<{ latestSnapshotId: string | null; latestEvaluatedAt: Date | null }[]>`
    SELECT "latestSnapshotId", "latestEvaluatedAt" FROM "Cluster" WHERE "orgId" = ${orgId} AND "id" = ${clusterId} FOR UPDATE`;
  if (!rows.length) throw new Error(`cluster ${clusterId} does not exist`);
  return rows[0];
}

export async function storeControlScores(tx: Tx, orgId: string, scores: CompactScores): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ControlScores" ("orgId", "hash", "counts", "frameworkScores", "failedBySeverity")
    VALUES (${orgId}, ${scores.controlScoresHash}, ${JSON.stringify(scores.controlCounts)}::jsonb,
            ${JSON.stringify(scores.frameworkScores)}::jsonb, ${JSON.stringify(scores.failedBySeverity)}::jsonb)
    ON CONFLICT ("orgId", "hash") DO NOTHING`;
}

/** Moves the cluster's current state to the snapshot's objects and records the change events. */
export async function applyObjectDiff(tx: Tx, p: { orgId: string; clusterId: string; snapshotId: string; at: Date; diff: ObjectDiff }): Promise<void> {
  const { orgId, clusterId, snapshotId, at, diff } = p;
  // Kind and namespace are the key's 2nd and 3rd segments (splitObjectKey), split server-side.
  for (const part of batches(diff.added)) {
    await tx.$executeRaw`
      INSERT INTO "ClusterObject" ("orgId", "clusterId", "key", "kind", "namespace", "hash", "firstSeenAt", "lastChangedAt")
      SELECT ${orgId}, ${clusterId}, t.k, split_part(t.k, '/', 2), split_part(t.k, '/', 3), t.h, ${at}, ${at}
        FROM ROWS FROM (json_array_elements_text(${column(part.map(([k]) => k))}::json), json_array_elements_text(${column(part.map(([, h]) => h))}::json)) AS t(k, h)`;
  }
  for (const part of batches(diff.changed)) {
    await tx.$executeRaw`
      UPDATE "ClusterObject" AS o SET "hash" = t.h, "lastChangedAt" = ${at}
        FROM ROWS FROM (json_array_elements_text(${column(part.map(([k]) => k))}::json), json_array_elements_text(${column(part.map(([, , h]) => h))}::json)) AS t(k, h)
       WHERE o."clusterId" = ${clusterId} AND o."key" = t.k`;
  }
  for (const part of batches(diff.removed)) {
    await tx.$executeRaw`
      DELETE FROM "ClusterObject" WHERE "clusterId" = ${clusterId} AND "key" IN (SELECT json_array_elements_text(${column(part.map(([k]) => k))}::json))`;
  }
  const events: [string, string, string | null, string | null][] = [
    ...diff.added.map(([k, h]): [string, string, string | null, string | null] => [k, "added", null, h]),
    ...diff.changed.map(([k, o, h]): [string, string, string | null, string | null] => [k, "changed", o, h]),
    ...diff.removed.map(([k, o]): [string, string, string | null, string | null] => [k, "removed", o, null]),
  ];
  for (const part of batches(events)) {
    await tx.$executeRaw`
      INSERT INTO "ObjectChange" ("orgId", "clusterId", "snapshotId", "at", "key", "kind", "change", "oldHash", "newHash")
      SELECT ${orgId}, ${clusterId}, ${snapshotId}, ${at}, t.k, split_part(t.k, '/', 2), t.c, t.o, t.n
        FROM ROWS FROM (json_array_elements_text(${column(part.map((e) => e[0]))}::json), json_array_elements_text(${column(part.map((e) => e[1]))}::json),
                        json_array_elements_text(${column(part.map((e) => e[2]))}::json), json_array_elements_text(${column(part.map((e) => e[3]))}::json)) AS t(k, c, o, n)`;
  }
}

/**
 * Runs a transaction's statements one after another while the caller goes on computing (it must
 * yield to the event loop now and then for them to be sent). A failed statement skips the ones
 * queued after it; `drain` reports it.
 */
export class StatementQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  get failed(): boolean {
    return this.failure !== null;
  }

  run(statement: () => Promise<unknown>): void {
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      try {
        await statement();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Waits until every queued statement (including ones queued meanwhile) has run or been skipped. */
  async settle(): Promise<void> {
    for (let tail = this.tail; ; tail = this.tail) {
      await tail;
      if (tail === this.tail) return;
    }
  }

  /** settle, then throw the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure.error;
  }
}

/**
 * The cluster's open intervals by control. Read as one row per control with its resource keys as a
 * JSON array: ~280,000 rows of a pod-heavy cluster through the driver cost ~10× more client time.
 * Excepted ones (few, from a partial index) are read with their exception.
 */
async function readOpenIntervals(tx: Tx, orgId: string, clusterId: string): Promise<Map<string, OpenInterval[]>> {
  const byControl = await tx.$queryRaw<{ controlId: string; keys: string }[]>`
    SELECT "controlId", json_agg("resourceKey")::text AS keys FROM "Finding"
     WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL AND "exceptionId" IS NULL
     GROUP BY 1`;
  const excepted = await tx.$queryRaw<OpenInterval[]>`
    SELECT "controlId", "resourceKey", "exceptionId" FROM "Finding"
     WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL AND "exceptionId" IS NOT NULL`;
  const open = new Map<string, OpenInterval[]>();
  for (const { controlId, keys } of byControl) {
    open.set(controlId, (JSON.parse(keys) as string[]).map((resourceKey) => ({ controlId, resourceKey, exceptionId: null })));
  }
  for (const interval of excepted) {
    const intervals = open.get(interval.controlId);
    if (intervals) intervals.push(interval);
    else open.set(interval.controlId, [interval]);
  }
  return open;
}

/**
 * Opens, closes and re-labels finding intervals so the open set equals what is failing now, one
 * control at a time as the engine evaluates them: statements of ~20,000 rows are queued as they
 * fill and run while the next controls are evaluated. `finish` closes the intervals of controls
 * that were not evaluated (gone from the library) and waits for every statement.
 * `at` is when the opened ones were first seen / the closed ones were found fixed; `lastSeenAt` is
 * when the closed ones were last seen failing (the previous evaluation).
 */
export class FindingIntervalWriter {
  opened = 0;
  closed = 0;
  /** Loaded by the queue's first statement; controls added before wait in `early`. */
  private open: Map<string, OpenInterval[]> | null = null;
  private early: [string, FailingSet][] = [];
  private readonly evaluated = new Set<string>();
  /**
   * Whether the cluster has closed intervals: without any (its first evaluations) every opened
   * interval is occurrence 1, and the per-row lookup of earlier occurrences is skipped — it
   * dominates a first snapshot. Checked before this evaluation closes any: a pair closed now is not
   * failing, so it is not reopened now.
   */
  private reopenable = false;
  /**
   * Whether the cluster has no intervals at all: what this evaluation opens is its baseline, left
   * out of the firstSeenAt index (every row would have the same firstSeenAt; readers find them
   * through the primary key).
   */
  private baseline = false;
  private toOpen: FailingResource[] = [];
  private toClose: OpenInterval[] = [];
  private toRelabel: OpenInterval[] = [];
  /** Messages stored by this evaluation, with their hash. */
  private readonly messageHashes = new Map<string, string>();

  constructor(
    private readonly tx: Tx,
    private readonly p: { orgId: string; clusterId: string; at: Date; lastSeenAt: Date },
    readonly queue = new StatementQueue(),
  ) {
    queue.run(async () => {
      const { orgId, clusterId } = p;
      const open = await readOpenIntervals(tx, orgId, clusterId);
      const [{ reopenable }] = await tx.$queryRaw<{ reopenable: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NOT NULL) AS reopenable`;
      this.open = open;
      this.reopenable = reopenable;
      this.baseline = open.size === 0 && !reopenable;
      for (const [controlId, failing] of this.early) this.plan(controlId, failing);
      this.early = [];
    });
  }

  /** The failing pairs of one evaluated control (`failing` holds that control only). */
  addControl(controlId: string, failing: FailingSet): void {
    this.evaluated.add(controlId);
    if (this.open) this.plan(controlId, failing);
    else this.early.push([controlId, failing]);
  }

  async finish(): Promise<{ opened: number; closed: number }> {
    this.queue.run(async () => {
      for (const controlId of this.open!.keys()) if (!this.evaluated.has(controlId)) this.plan(controlId, new FailingSet());
      this.flush(true);
    });
    await this.queue.drain();
    return { opened: this.opened, closed: this.closed };
  }

  private plan(controlId: string, failing: FailingSet): void {
    const plan = planFindingIntervals(this.open!.get(controlId) ?? [], failing);
    this.opened += plan.open.length;
    this.closed += plan.close.length;
    for (const r of plan.open) this.toOpen.push(r);
    for (const i of plan.close) this.toClose.push(i);
    for (const i of plan.exceptionChanges) this.toRelabel.push(i);
    this.flush(false);
  }

  private flush(all: boolean): void {
    const { tx, queue } = this;
    const { orgId, clusterId, at, lastSeenAt } = this.p;
    if (this.toClose.length >= ROWS_PER_STATEMENT || (all && this.toClose.length)) {
      for (const part of batches(this.toClose)) {
        const controls = column(part.map((i) => i.controlId));
        const resources = column(part.map((i) => i.resourceKey));
        queue.run(() => tx.$executeRaw`
          UPDATE "Finding" AS f SET "resolvedAt" = ${at}, "lastSeenAt" = ${lastSeenAt}
            FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json)) AS t(c, r)
           WHERE f."orgId" = ${orgId} AND f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r AND f."resolvedAt" IS NULL`);
      }
      this.toClose = [];
    }
    if (this.toRelabel.length >= ROWS_PER_STATEMENT || (all && this.toRelabel.length)) {
      for (const part of batches(this.toRelabel)) {
        const controls = column(part.map((i) => i.controlId));
        const resources = column(part.map((i) => i.resourceKey));
        const exceptions = column(part.map((i) => i.exceptionId));
        queue.run(() => tx.$executeRaw`
          UPDATE "Finding" AS f SET "exceptionId" = t.e
            FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json),
                            json_array_elements_text(${exceptions}::json)) AS t(c, r, e)
           WHERE f."orgId" = ${orgId} AND f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r AND f."resolvedAt" IS NULL`);
      }
      this.toRelabel = [];
    }
    if (this.toOpen.length >= ROWS_PER_STATEMENT || (all && this.toOpen.length)) {
      // Full statements only until the end: a remainder waits for the next controls' rows.
      const rows = inIndexOrder(this.toOpen);
      const send = all ? rows.length : rows.length - (rows.length % ROWS_PER_STATEMENT);
      for (const part of batches(rows.slice(0, send))) this.insertOpened(part);
      this.toOpen = rows.slice(send);
    }
  }

  private insertOpened(part: FailingResource[]): void {
    const { tx, queue } = this;
    const { orgId, clusterId, at } = this.p;
    const newMessages: [string, string][] = [];
    for (const f of part) {
      if (this.messageHashes.has(f.message)) continue;
      const hash = messageHashOf(f.message);
      this.messageHashes.set(f.message, hash);
      newMessages.push([f.message, hash]);
    }
    // The new messages go in the same statement (one round trip per batch): each round trip waits
    // for a turn of the event loop between two controls of the engine.
    const messageHashes = column(newMessages.map(([, h]) => h));
    const messageTexts = column(newMessages.map(([m]) => m));
    const controls = column(part.map((f) => f.controlId));
    const resources = column(part.map((f) => f.resourceKey));
    const severities = column(part.map((f) => f.severity));
    const messages = column(part.map((f) => this.messageHashes.get(f.message)!));
    const exceptions = column(part.map((f) => f.exceptionId));
    queue.run(() => {
      if (!this.reopenable) {
        return tx.$executeRaw`
          WITH messages AS (
            INSERT INTO "FindingMessage" ("orgId", "hash", "text")
            SELECT ${orgId}, t.h::bigint, t.m FROM ROWS FROM (json_array_elements_text(${messageHashes}::json), json_array_elements_text(${messageTexts}::json)) AS t(h, m)
            ON CONFLICT ("orgId", "hash") DO NOTHING)
          INSERT INTO "Finding" ("orgId", "clusterId", "controlId", "resourceKey", "occurrence", "severity", "messageHash", "firstSeenAt", "exceptionId", "baseline")
          SELECT ${orgId}, ${clusterId}, t.c, t.r, 1, t.s, t.m::bigint, ${at}, t.e, ${this.baseline}
            FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json), json_array_elements_text(${severities}::json),
                            json_array_elements_text(${messages}::json), json_array_elements_text(${exceptions}::json)) AS t(c, r, s, m, e)`;
      }
      // occurrence = 1 + the highest earlier one for the same (control, resource): a reopened finding.
      return tx.$executeRaw`
        WITH messages AS (
          INSERT INTO "FindingMessage" ("orgId", "hash", "text")
          SELECT ${orgId}, t.h::bigint, t.m FROM ROWS FROM (json_array_elements_text(${messageHashes}::json), json_array_elements_text(${messageTexts}::json)) AS t(h, m)
          ON CONFLICT ("orgId", "hash") DO NOTHING)
        INSERT INTO "Finding" ("orgId", "clusterId", "controlId", "resourceKey", "occurrence", "severity", "messageHash", "firstSeenAt", "exceptionId")
        SELECT ${orgId}, ${clusterId}, t.c, t.r, COALESCE(prev.m, 0) + 1, t.s, t.m::bigint, ${at}, t.e
          FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json), json_array_elements_text(${severities}::json),
                          json_array_elements_text(${messages}::json), json_array_elements_text(${exceptions}::json)) AS t(c, r, s, m, e)
          LEFT JOIN LATERAL (
            SELECT max(f."occurrence") AS m FROM "Finding" f
             WHERE f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r
          ) prev ON true`;
    });
  }
}

/** FindingIntervalWriter over a finished evaluation's failing pairs. */
export async function applyFindingIntervals(
  tx: Tx,
  p: { orgId: string; clusterId: string; at: Date; lastSeenAt: Date; failing: FailingSet },
): Promise<{ opened: number; closed: number }> {
  const writer = new FindingIntervalWriter(tx, p);
  for (const controlId of p.failing.controlIds()) writer.addControl(controlId, p.failing.only(controlId));
  return writer.finish();
}

/** The day's roll-up keeps the day's latest evaluated snapshot; `isNewSnapshot` counts it once. */
export async function upsertDailyScore(
  tx: Tx,
  p: { orgId: string; clusterId: string; snapshotId: string; collectedAt: Date; scores: Pick<CompactScores, "frameworkScores" | "failedBySeverity" | "objectCount">; failingResources: number; isNewSnapshot: boolean },
): Promise<void> {
  const day = p.collectedAt.toISOString().slice(0, 10);
  const frameworkScores = JSON.stringify(p.scores.frameworkScores);
  const failedBySeverity = JSON.stringify(p.scores.failedBySeverity);
  const increment = p.isNewSnapshot ? 1 : 0;
  await tx.$executeRaw`
    INSERT INTO "ClusterDailyScore" ("orgId", "clusterId", "day", "snapshotId", "collectedAt", "snapshotCount", "frameworkScores", "failedBySeverity", "failingResources", "objectCount")
    VALUES (${p.orgId}, ${p.clusterId}, ${day}::date, ${p.snapshotId}, ${p.collectedAt}, 1, ${frameworkScores}::jsonb, ${failedBySeverity}::jsonb, ${p.failingResources}, ${p.scores.objectCount})
    ON CONFLICT ("clusterId", "day") DO UPDATE SET
      "snapshotCount" = "ClusterDailyScore"."snapshotCount" + ${increment},
      "snapshotId" = CASE WHEN EXCLUDED."collectedAt" >= "ClusterDailyScore"."collectedAt" THEN EXCLUDED."snapshotId" ELSE "ClusterDailyScore"."snapshotId" END,
      "frameworkScores" = CASE WHEN EXCLUDED."collectedAt" >= "ClusterDailyScore"."collectedAt" THEN EXCLUDED."frameworkScores" ELSE "ClusterDailyScore"."frameworkScores" END,
      "failedBySeverity" = CASE WHEN EXCLUDED."collectedAt" >= "ClusterDailyScore"."collectedAt" THEN EXCLUDED."failedBySeverity" ELSE "ClusterDailyScore"."failedBySeverity" END,
      "failingResources" = CASE WHEN EXCLUDED."collectedAt" >= "ClusterDailyScore"."collectedAt" THEN EXCLUDED."failingResources" ELSE "ClusterDailyScore"."failingResources" END,
      "objectCount" = CASE WHEN EXCLUDED."collectedAt" >= "ClusterDailyScore"."collectedAt" THEN EXCLUDED."objectCount" ELSE "ClusterDailyScore"."objectCount" END,
      "collectedAt" = GREATEST(EXCLUDED."collectedAt", "ClusterDailyScore"."collectedAt")`;
}

// lastMatchedAt only needs day precision (the stale report looks back 30 days): refreshing it at
// most daily keeps unchanged re-pushes from rewriting exception rows.
const MATCH_REFRESH_MS = 24 * 60 * 60 * 1000;

export async function touchMatchedExceptions(tx: Tx, orgId: string, exceptionsApplied: Record<string, number>, at: Date): Promise<void> {
  const ids = Object.keys(exceptionsApplied).filter((id) => exceptionsApplied[id] > 0);
  if (!ids.length) return;
  await tx.$executeRaw`
    UPDATE "ControlException" SET "lastMatchedAt" = ${at}
     WHERE "orgId" = ${orgId} AND "id" = ANY(${ids}::text[])
       AND ("lastMatchedAt" IS NULL OR "lastMatchedAt" < ${new Date(at.getTime() - MATCH_REFRESH_MS)})`;
}
