// Finding intervals over a cluster's history on real PostgreSQL: a failure opens an interval, a fix
// closes it (fixed on = the first snapshot without it, last seen = the one before), a relapse opens
// a new occurrence; an unchanged re-push touches none of it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { withMessages } from "@/lib/server/pipeline/finding-messages";
import { createOrgWithAgent, deployment, namespace, prisma, pushObjects, unique, type TestOrg } from "./support/pipeline-world";

const DEBUG_KEY = "apps/Deployment/shop/debug";
const PRIVILEGED = "SS-0057";

let world: TestOrg;
const clusterUid = unique("kube-system-uid");
const at = (day: number) => new Date(Date.UTC(2026, 9, 1 + day, 6, 0, 0));
const cluster = (debugPrivileged: boolean) => [namespace("shop"), deployment("shop", "web"), deployment("shop", "debug", { privileged: debugPrivileged })];

async function pushAndEvaluate(objects: ReturnType<typeof cluster>, day: number) {
  const pushed = await pushObjects(world.agent, objects, { clusterUid, clusterName: "intervals", collectedAt: at(day) });
  const outcomes = await evaluateClusterBacklog(pushed.snapshotId);
  return { ...pushed, outcome: outcomes.at(-1)! };
}

const intervalsOf = (clusterId: string) =>
  prisma.finding.findMany({ where: { orgId: world.org.id, clusterId, controlId: PRIVILEGED, resourceKey: DEBUG_KEY }, orderBy: { occurrence: "asc" } });

beforeAll(async () => {
  world = await createOrgWithAgent();
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("finding intervals", () => {
  let clusterId: string;
  const snapshots: string[] = [];

  test("a failure opens an interval when first seen", async () => {
    const first = await pushAndEvaluate(cluster(true), 0);
    clusterId = first.clusterId;
    snapshots.push(first.snapshotId);
    expect(first.outcome.outcome).toBe("evaluated");
    const [interval] = await intervalsOf(clusterId);
    // Open: last seen is the cluster's latest evaluation, not stored on the row.
    expect(interval).toMatchObject({ occurrence: 1, firstSeenAt: at(0), lastSeenAt: null, resolvedAt: null, severity: "high" });
    const [withText] = await withMessages(world.org.id, [interval]);
    expect(withText.message).toContain("privileged");
    const snapshot = await prisma.snapshot.findUniqueOrThrow({ where: { id: first.snapshotId } });
    expect(snapshot.status).toBe("complete");
    expect(snapshot.failingResources).toBeGreaterThan(0);
    expect(await prisma.pendingManifest.count({ where: { snapshotId: first.snapshotId } })).toBe(0);
    expect(await prisma.clusterObject.count({ where: { clusterId } })).toBe(3);
    const changes = await prisma.objectChange.findMany({ where: { snapshotId: first.snapshotId } });
    expect(changes.map((c) => c.change).sort()).toEqual(["added", "added", "added"]);
  });

  test("a fix closes it: fixed on the first snapshot without it, last seen on the one before", async () => {
    const fixed = await pushAndEvaluate(cluster(false), 1);
    snapshots.push(fixed.snapshotId);
    const [interval] = await intervalsOf(clusterId);
    expect(interval).toMatchObject({ occurrence: 1, firstSeenAt: at(0), lastSeenAt: at(0), resolvedAt: at(1) });
    const changes = await prisma.objectChange.findMany({ where: { snapshotId: fixed.snapshotId } });
    expect(changes.map((c) => [c.key, c.change])).toEqual([[DEBUG_KEY, "changed"]]);
    expect(changes[0].oldHash).not.toBe(changes[0].newHash);
  });

  test("a relapse opens a new occurrence and leaves the closed one as it was", async () => {
    const relapse = await pushAndEvaluate(cluster(true), 3);
    snapshots.push(relapse.snapshotId);
    const intervals = await intervalsOf(clusterId);
    expect(intervals.map((i) => [i.occurrence, i.firstSeenAt.toISOString(), i.resolvedAt?.toISOString() ?? null])).toEqual([
      [1, at(0).toISOString(), at(1).toISOString()],
      [2, at(3).toISOString(), null],
    ]);
  });

  test("an unchanged re-push uploads nothing and adds no change event or interval", async () => {
    const findingsBefore = await prisma.finding.count({ where: { clusterId } });
    const changesBefore = await prisma.objectChange.count({ where: { clusterId } });
    const again = await pushAndEvaluate(cluster(true), 4);
    expect(again.missing).toBe(0);
    expect(again.outcome.outcome).toBe("reused");
    expect(await prisma.finding.count({ where: { clusterId } })).toBe(findingsBefore);
    expect(await prisma.objectChange.count({ where: { clusterId } })).toBe(changesBefore);
    const [previous, latest] = await prisma.snapshot.findMany({ where: { id: { in: [snapshots.at(-1)!, again.snapshotId] } }, orderBy: { collectedAt: "asc" } });
    // The new snapshot refers to the previous one's scores instead of copying them.
    expect(latest.controlScoresHash).toBe(previous.controlScoresHash);
    const scores = await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: latest.controlScoresHash! } } });
    expect(Object.keys(scores.frameworkScores as object)).toContain("all");
    expect(latest.status).toBe("complete");
    const rollups = await prisma.clusterDailyScore.findMany({ where: { clusterId }, orderBy: { day: "asc" } });
    expect(rollups.map((r) => r.day.toISOString().slice(0, 10))).toEqual(["2026-10-01", "2026-10-02", "2026-10-04", "2026-10-05"]);
    const row = await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(row.latestSnapshotId).toBe(again.snapshotId);
    expect(row.clusterUid).toBe(clusterUid);
  });

  test("re-evaluating a complete snapshot changes nothing", async () => {
    const outcomes = await evaluateClusterBacklog(snapshots[0]);
    expect(outcomes.map((o) => o.outcome)).toEqual(["skipped"]);
  });
});
