// Re-scoring a cluster's history on request, through the real queue and a real worker: the latest
// snapshot goes through the pipeline's rescore-cluster job (scores and open intervals), each older one
// gets a rescore-snapshot job of its own, newest first; an exception added afterwards changes them all.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import { startWorker, type RunningWorker } from "@/lib/server/pipeline/start-worker";
import { requestClusterRescore, RESCORE_SNAPSHOT_QUEUE } from "@/lib/server/imports/rescore-history";
import { createOrgWithAgent, deployment, namespace, prisma, pushObjects, unique, type TestOrg } from "../pipeline/support/pipeline-world";

const PRIVILEGED = "SS-0057";
let world: TestOrg;
let boss: PgBoss;
let worker: RunningWorker | undefined;
let clusterId: string;
const snapshotIds: string[] = [];

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function privilegedStatusOf(snapshotId: string): Promise<string> {
  const snapshot = await prisma.snapshot.findUniqueOrThrow({ where: { id: snapshotId } });
  const counts = await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: snapshot.controlScoresHash! } } });
  return (counts.counts as Record<string, [string, number, number, number]>)[PRIVILEGED][0];
}

beforeAll(async () => {
  world = await createOrgWithAgent();
  boss = await startSendOnlyQueue();
  const clusterUid = unique("uid-rescore");
  const days = [
    [namespace("shop"), deployment("shop", "debug", { privileged: true })],
    [namespace("shop"), deployment("shop", "debug", { privileged: true }), deployment("shop", "web")],
    [namespace("shop"), deployment("shop", "debug", { privileged: true }), deployment("shop", "web", { image: "registry.example/web:2.0.0" })],
  ];
  for (const [day, objects] of days.entries()) {
    const pushed = await pushObjects(world.agent, objects, { clusterUid, clusterName: "rescore", collectedAt: new Date(Date.UTC(2026, 10, 1 + day, 6)) });
    await evaluateClusterBacklog(pushed.snapshotId);
    clusterId = pushed.clusterId;
    snapshotIds.push(pushed.snapshotId);
  }
});

afterAll(async () => {
  await worker?.stop();
  await boss.stop();
  await prisma.$disconnect();
});

describe("re-score on request", () => {
  test("queues the latest snapshot and every older one, newest first; asking again queues nothing more", async () => {
    for (const id of snapshotIds) expect(await privilegedStatusOf(id)).toBe("failed");
    // Accepted from now on: every snapshot should score differently once re-scored.
    await prisma.controlException.create({ data: { orgId: world.org.id, controlIds: [PRIVILEGED], match: { namespaces: ["shop"] }, reason: "debug tooling" } });

    const request = await requestClusterRescore({ boss, orgId: world.org.id, clusterId, history: true, reason: "test" });
    expect(request).toEqual({ clusterId, latestQueued: 1, historyQueued: 2, queued: 3, snapshots: 3 });
    const jobs = await prisma.$queryRaw<{ snapshotId: string; priority: number }[]>`
      SELECT "data"->>'snapshotId' AS "snapshotId", "priority" FROM pgboss.job WHERE "name" = ${RESCORE_SNAPSHOT_QUEUE} AND "data"->>'clusterId' = ${clusterId} ORDER BY "priority" DESC`;
    expect(jobs.map((j) => j.snapshotId)).toEqual([snapshotIds[1], snapshotIds[0]]);

    const again = await requestClusterRescore({ boss, orgId: world.org.id, clusterId, history: true, reason: "test again" });
    expect(again.queued).toBe(0);
    const latestOnly = await requestClusterRescore({ boss, orgId: world.org.id, clusterId, history: false, reason: "latest only" });
    expect(latestOnly).toMatchObject({ historyQueued: 0, snapshots: 1 });
  });

  test("a worker re-scores them all with today's exceptions; the latest's open finding carries the exception", async () => {
    // The worker serves the history re-score queue itself (lib/server/pipeline/start-worker.ts).
    worker = await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, log: () => {} });
    for (const id of snapshotIds) await waitFor(`re-score of ${id}`, async () => (await privilegedStatusOf(id)) === "excepted");
    const exception = await prisma.controlException.findFirstOrThrow({ where: { orgId: world.org.id } });
    const open = await prisma.finding.findFirstOrThrow({ where: { orgId: world.org.id, clusterId, controlId: PRIVILEGED, resolvedAt: null } });
    expect(open.exceptionId).toBe(exception.id);
    // Past intervals are left as observed: still one interval, opened by the first snapshot.
    expect(open.occurrence).toBe(1);
    const first = await prisma.snapshot.findUniqueOrThrow({ where: { id: snapshotIds[0] } });
    expect(open.firstSeenAt).toEqual(first.collectedAt);
    const daily = await prisma.clusterDailyScore.findMany({ where: { clusterId }, orderBy: { day: "asc" } });
    expect(daily.map((d) => d.snapshotId)).toEqual(snapshotIds);
    for (const d of daily) {
      const snapshot = await prisma.snapshot.findUniqueOrThrow({ where: { id: d.snapshotId } });
      const scores = await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: snapshot.controlScoresHash! } } });
      expect(d.frameworkScores).toEqual(scores.frameworkScores);
    }
  });

  test("another organization's cluster is not found", async () => {
    const other = await createOrgWithAgent();
    await expect(requestClusterRescore({ boss, orgId: other.org.id, clusterId, history: true, reason: "probe" })).rejects.toMatchObject({ code: "not_found" });
  });
});
