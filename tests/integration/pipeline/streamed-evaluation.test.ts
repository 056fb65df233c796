// The evaluation stores a cluster's finding intervals while the engine still runs (statements of
// ~20,000 rows queued control by control): the stored result must be what the finished report
// says, intervals of controls that were not evaluated are closed, a late snapshot moves nothing,
// and a failure at any point — a statement, the engine — leaves the snapshot unscored and queued.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ScanReport } from "@/lib/engine/report";
import { runScan, type ScanInput } from "@/lib/engine/run-scan";
import type { K8sObject } from "@/lib/engine/types";
import { compactScores } from "@/lib/server/pipeline/compact-scores";
import { evaluateSnapshot } from "@/lib/server/pipeline/evaluate-snapshot";
import { loadEvaluationInputs } from "@/lib/server/pipeline/load-evaluation-inputs";
import { loadObjectBodies } from "@/lib/server/pipeline/load-object-bodies";
import { loadKwokObjects } from "../../support/kwok-dump";
import { createOrgWithAgent, deployment, namespace, prisma, pushObjects, unique, type TestOrg } from "./support/pipeline-world";

let world: TestOrg;
const at = (day: number) => new Date(Date.UTC(2026, 10, 1 + day, 6, 0, 0));

/** What the finished report of the cluster's current objects says (the non-streaming way). */
async function expectedScores(clusterId: string, now: Date) {
  const entries = (await prisma.clusterObject.findMany({ where: { clusterId }, select: { key: true, hash: true }, orderBy: { key: "asc" } })).map((o): [string, string] => [o.key, o.hash]);
  const objects = await loadObjectBodies(world.org.id, entries);
  const nodes = entries.filter(([key]) => key.startsWith("/Node/")).map(([key]) => ({ apiVersion: "v1", kind: "Node", metadata: { name: key.split("/")[3] } }) as K8sObject);
  const inputs = await loadEvaluationInputs({ orgId: world.org.id, clusterId, objects: nodes, at: now });
  return compactScores(runScan({ objects, nodes: inputs.nodes, settings: inputs.settings, exceptions: inputs.exceptions, cluster: inputs.cluster, now }));
}

const pairsOf = (scores: ReturnType<typeof compactScores>) => [...scores.failing.values()].map((f) => `${f.controlId} ${f.resourceKey}`);

const openPairs = async (clusterId: string) =>
  (await prisma.finding.findMany({ where: { clusterId, resolvedAt: null }, select: { controlId: true, resourceKey: true, occurrence: true } }))
    .map((f) => `${f.controlId} ${f.resourceKey} ${f.occurrence}`)
    .sort();

beforeAll(async () => {
  world = await createOrgWithAgent();
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe("streamed evaluation", () => {
  // ~1,500 objects of a pod-heavy cluster: more than one statement's worth of intervals.
  const objects = loadKwokObjects().slice(0, 1_500) as unknown as K8sObject[];
  const clusterUid = unique("streamed-uid");
  let clusterId: string;
  let expected: ReturnType<typeof compactScores>;

  test("the open intervals are the finished report's failing pairs, over several statements", async () => {
    const pushed = await pushObjects(world.agent, objects, { clusterUid, collectedAt: at(0) });
    clusterId = pushed.clusterId;
    const outcome = await evaluateSnapshot({ snapshotId: pushed.snapshotId });
    expect(outcome.outcome).toBe("evaluated");
    expected = await expectedScores(clusterId, at(0));
    expect(expected.failing.size).toBeGreaterThan(20_000);
    expect(await openPairs(clusterId)).toEqual(pairsOf(expected).map((p) => `${p} 1`).sort());
    const snapshot = await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } });
    expect(snapshot).toMatchObject({ status: "complete", failingResources: expected.failing.size, controlScoresHash: expected.controlScoresHash, objectsAdded: objects.length });
    expect(outcome).toMatchObject({ opened: expected.failing.size, closed: 0, added: objects.length });
    expect(await prisma.clusterObject.count({ where: { clusterId } })).toBe(objects.length);
  });

  test("intervals of a control that is not evaluated any more are closed", async () => {
    await prisma.finding.create({
      data: { orgId: world.org.id, clusterId, controlId: "SS-RETIRED", resourceKey: "cluster", severity: "low", messageHash: 1n, firstSeenAt: at(0) },
    });
    // Statistics as autovacuum would have them: on a table never analyzed the planner expects one row
    // per cluster and joins the closed pairs by scanning the cluster's rows once per pair.
    await prisma.$executeRawUnsafe(`ANALYZE "Finding"`);
    const fewer = objects.slice(0, 1_400);
    const pushed = await pushObjects(world.agent, fewer, { clusterUid, collectedAt: at(1) });
    const outcome = await evaluateSnapshot({ snapshotId: pushed.snapshotId });
    const retired = await prisma.finding.findFirstOrThrow({ where: { clusterId, controlId: "SS-RETIRED" } });
    expect(retired).toMatchObject({ resolvedAt: at(1), lastSeenAt: at(0) });
    const now = await expectedScores(clusterId, at(1));
    expect(await openPairs(clusterId)).toEqual(pairsOf(now).map((p) => `${p} 1`).sort());
    const before = new Set(pairsOf(expected));
    const after = new Set(pairsOf(now));
    expect(outcome).toMatchObject({
      outcome: "evaluated",
      removed: objects.length - fewer.length,
      opened: [...after].filter((p) => !before.has(p)).length,
      closed: [...before].filter((p) => !after.has(p)).length + 1,
    });
  });

  test("a late snapshot gets its scores; current state and intervals stay", async () => {
    const before = await openPairs(clusterId);
    const cluster = await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    const pushed = await pushObjects(world.agent, objects.slice(0, 1_000), { clusterUid, collectedAt: at(-1) });
    const outcome = await evaluateSnapshot({ snapshotId: pushed.snapshotId });
    expect(outcome).toMatchObject({ outcome: "evaluated", late: true, opened: 0, closed: 0, added: 0 });
    expect(await openPairs(clusterId)).toEqual(before);
    expect(await prisma.clusterObject.count({ where: { clusterId } })).toBe(1_400);
    expect(await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).toMatchObject({ latestSnapshotId: cluster.latestSnapshotId });
    const late = await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } });
    expect(late.status).toBe("complete");
    expect(late.failingResources).toBeGreaterThan(0);
  });
});

describe("a failure while statements are queued leaves the snapshot unscored", () => {
  const clusterUid = unique("failing-uid");
  const objects = [namespace("shop"), ...Array.from({ length: 30 }, (_, i) => deployment("shop", `app-${i}`, { privileged: true }))];

  async function expectUntouched(snapshotId: string, clusterId: string) {
    expect(await prisma.snapshot.findUniqueOrThrow({ where: { id: snapshotId } })).toMatchObject({ status: "queued", evaluatedAt: null, controlScoresHash: null });
    expect(await prisma.pendingManifest.count({ where: { snapshotId } })).toBe(1);
    expect(await prisma.finding.count({ where: { clusterId } })).toBe(0);
    expect(await prisma.clusterObject.count({ where: { clusterId } })).toBe(0);
    expect(await prisma.objectChange.count({ where: { clusterId } })).toBe(0);
    expect(await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).toMatchObject({ latestSnapshotId: null });
  }

  test("a statement that fails (a message Postgres refuses) rolls everything back", async () => {
    const pushed = await pushObjects(world.agent, objects, { clusterUid, collectedAt: at(0) });
    const scan = (input: ScanInput): ScanReport => {
      const report = runScan(input);
      return { ...report, findings: report.findings.map((f) => (f.controlId === report.findings.at(-1)!.controlId ? { ...f, message: "nul \u0000 byte" } : f)) };
    };
    await expect(evaluateSnapshot({ snapshotId: pushed.snapshotId, scan })).rejects.toThrow();
    await expectUntouched(pushed.snapshotId, pushed.clusterId);
  });

  test("an engine that throws after some controls rolls back what was queued", async () => {
    const snapshot = await prisma.snapshot.findFirstOrThrow({ where: { orgId: world.org.id, status: "queued", cluster: { clusterUid } } });
    const scan = (input: ScanInput): ScanReport => {
      const report = runScan(input);
      const controls = report.controls;
      // Iterating the controls throws half-way, as an engine failing on a control would.
      const failing = {
        *[Symbol.iterator]() {
          for (let i = 0; i < controls.length; i++) {
            if (i === Math.floor(controls.length / 2)) throw new Error("engine failed");
            yield controls[i];
          }
        },
      };
      return { ...report, controls: failing as unknown as ScanReport["controls"] };
    };
    await expect(evaluateSnapshot({ snapshotId: snapshot.id, scan })).rejects.toThrow("engine failed");
    await expectUntouched(snapshot.id, snapshot.clusterId);
    // And then it is evaluated as usual.
    expect((await evaluateSnapshot({ snapshotId: snapshot.id })).outcome).toBe("evaluated");
    expect(await prisma.finding.count({ where: { clusterId: snapshot.clusterId } })).toBeGreaterThan(30);
  });
});
