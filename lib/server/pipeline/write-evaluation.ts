// The writes of one evaluation, all inside the caller's transaction. Bulk statements over columns
// sent as JSON arrays: a first snapshot of 10,000 objects is a handful of statements, not 10,000
// round trips.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompactScores, FailingResource, FailingSet } from "./compact-scores";
import { storeFindingMessages } from "./finding-messages";
import type { ObjectDiff } from "./diff-objects";
import type { PhaseClock } from "./phase-clock";
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
 * The cluster's open intervals. Read as one row per control with its resource keys as a JSON array:
 * ~280,000 rows of a pod-heavy cluster through the driver cost ~10× more client time. Excepted
 * ones (few, from a partial index) are read with their exception.
 */
async function readOpenIntervals(tx: Tx, orgId: string, clusterId: string): Promise<OpenInterval[]> {
  const byControl = await tx.$queryRaw<{ controlId: string; keys: string }[]>`
    SELECT "controlId", json_agg("resourceKey")::text AS keys FROM "Finding"
     WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL AND "exceptionId" IS NULL
     GROUP BY 1`;
  const excepted = await tx.$queryRaw<OpenInterval[]>`
    SELECT "controlId", "resourceKey", "exceptionId" FROM "Finding"
     WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NULL AND "exceptionId" IS NOT NULL`;
  const open: OpenInterval[] = excepted;
  for (const { controlId, keys } of byControl) {
    for (const resourceKey of JSON.parse(keys) as string[]) open.push({ controlId, resourceKey, exceptionId: null });
  }
  return open;
}

/**
 * Opens, closes and re-labels finding intervals so the open set equals what is failing now.
 * `at` is when the opened ones were first seen / the closed ones were found fixed; `lastSeenAt` is
 * when the closed ones were last seen failing (the previous evaluation).
 */
export async function applyFindingIntervals(
  tx: Tx,
  p: { orgId: string; clusterId: string; at: Date; lastSeenAt: Date; failing: FailingSet; clock?: PhaseClock },
): Promise<{ opened: number; closed: number }> {
  const { orgId, clusterId, at, lastSeenAt } = p;
  const open = await readOpenIntervals(tx, orgId, clusterId);
  p.clock?.lap("read open intervals");
  const plan = planFindingIntervals(open, p.failing);
  p.clock?.lap("plan");
  for (const part of batches(plan.close)) {
    await tx.$executeRaw`
      UPDATE "Finding" AS f SET "resolvedAt" = ${at}, "lastSeenAt" = ${lastSeenAt}
        FROM ROWS FROM (json_array_elements_text(${column(part.map((i) => i.controlId))}::json),
                        json_array_elements_text(${column(part.map((i) => i.resourceKey))}::json)) AS t(c, r)
       WHERE f."orgId" = ${orgId} AND f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r AND f."resolvedAt" IS NULL`;
  }
  for (const part of batches(plan.exceptionChanges)) {
    await tx.$executeRaw`
      UPDATE "Finding" AS f SET "exceptionId" = t.e
        FROM ROWS FROM (json_array_elements_text(${column(part.map((i) => i.controlId))}::json),
                        json_array_elements_text(${column(part.map((i) => i.resourceKey))}::json),
                        json_array_elements_text(${column(part.map((i) => i.exceptionId))}::json)) AS t(c, r, e)
       WHERE f."orgId" = ${orgId} AND f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r AND f."resolvedAt" IS NULL`;
  }
  if (!plan.open.length) {
    p.clock?.lap("interval writes");
    return { opened: 0, closed: plan.close.length };
  }
  const messageHashes = await storeFindingMessages(tx, orgId, plan.open.map((f) => f.message));
  // Without any closed interval (a cluster's first evaluations) every opened one is occurrence 1,
  // and the per-row lookup of earlier occurrences can be skipped: it dominates a first snapshot.
  const [{ reopenable }] = await tx.$queryRaw<{ reopenable: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Finding" WHERE "orgId" = ${orgId} AND "clusterId" = ${clusterId} AND "resolvedAt" IS NOT NULL) AS reopenable`;
  for (const part of batches(inIndexOrder(plan.open))) {
    const controls = column(part.map((f) => f.controlId));
    const resources = column(part.map((f) => f.resourceKey));
    const severities = column(part.map((f) => f.severity));
    const messages = column(part.map((f) => messageHashes.get(f.message)!));
    const exceptions = column(part.map((f) => f.exceptionId));
    if (!reopenable) {
      await tx.$executeRaw`
        INSERT INTO "Finding" ("orgId", "clusterId", "controlId", "resourceKey", "occurrence", "severity", "messageHash", "firstSeenAt", "exceptionId")
        SELECT ${orgId}, ${clusterId}, t.c, t.r, 1, t.s, t.m::bigint, ${at}, t.e
          FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json), json_array_elements_text(${severities}::json),
                          json_array_elements_text(${messages}::json), json_array_elements_text(${exceptions}::json)) AS t(c, r, s, m, e)`;
      continue;
    }
    // occurrence = 1 + the highest earlier one for the same (control, resource): a reopened finding.
    await tx.$executeRaw`
      INSERT INTO "Finding" ("orgId", "clusterId", "controlId", "resourceKey", "occurrence", "severity", "messageHash", "firstSeenAt", "exceptionId")
      SELECT ${orgId}, ${clusterId}, t.c, t.r, COALESCE(prev.m, 0) + 1, t.s, t.m::bigint, ${at}, t.e
        FROM ROWS FROM (json_array_elements_text(${controls}::json), json_array_elements_text(${resources}::json), json_array_elements_text(${severities}::json),
                        json_array_elements_text(${messages}::json), json_array_elements_text(${exceptions}::json)) AS t(c, r, s, m, e)
        LEFT JOIN LATERAL (
          SELECT max(f."occurrence") AS m FROM "Finding" f
           WHERE f."clusterId" = ${clusterId} AND f."controlId" = t.c AND f."resourceKey" = t.r
        ) prev ON true`;
  }
  p.clock?.lap("interval writes");
  return { opened: plan.open.length, closed: plan.close.length };
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
