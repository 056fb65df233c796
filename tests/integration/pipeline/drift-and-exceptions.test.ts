// Drift between snapshots (objects, JSON diffs without secret markers, findings, score deltas), the
// fleet's regressions, exceptions applied by re-scoring, their expiry and the stale report.
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { K8sObject } from "@/lib/engine/types";
import { getClusterDrift } from "@/lib/server/drift/get-cluster-drift";
import { getFleetRegressions } from "@/lib/server/drift/get-fleet-regressions";
import { listStaleExceptions } from "@/lib/server/exceptions/list-stale-exceptions";
import { createException, deleteException, updateException } from "@/lib/server/exceptions/save-exception";
import { getClusterHistory } from "@/lib/server/history/get-cluster-history";
import { baselineAt, findingsOpenedBetween, oldestOpenFindings } from "@/lib/server/history/opened-findings";
import { enqueueLibraryRescores } from "@/lib/server/pipeline/enqueue-rescores";
import { evaluateClusterBacklog } from "@/lib/server/pipeline/evaluate-cluster-backlog";
import { startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import { rescoreCluster } from "@/lib/server/pipeline/rescore-cluster";
import { createOrgWithAgent, deployment, namespace, prisma, pushObjects, unique, type TestOrg } from "./support/pipeline-world";

const SECRET_VALUE_A = "first-secret-value";
const SECRET_VALUE_B = "second-secret-value-longer";
const at = (day: number) => new Date(Date.UTC(2026, 8, 1 + day, 12));

function secret(value: string): K8sObject {
  return { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop", uid: "secret-db" }, type: "Opaque", data: { password: Buffer.from(value).toString("base64") } };
}

let world: TestOrg;
let boss: PgBoss;
let clusterId: string;
let first: string;
let second: string;
const clusterUid = unique("drift-uid");

async function pushAndEvaluate(objects: K8sObject[], day: number) {
  const pushed = await pushObjects(world.agent, objects, { clusterUid, clusterName: "drift-cluster", collectedAt: at(day) });
  await evaluateClusterBacklog(pushed.snapshotId);
  return pushed;
}

beforeAll(async () => {
  world = await createOrgWithAgent();
  boss = await startSendOnlyQueue();
  const a = await pushAndEvaluate([namespace("shop"), deployment("shop", "web"), deployment("shop", "debug", { privileged: true }), secret(SECRET_VALUE_A)], 0);
  const b = await pushAndEvaluate(
    [
      namespace("shop"),
      deployment("shop", "web", { image: "registry.example/web:1.1.0" }),
      deployment("shop", "cart", { privileged: true }),
      deployment("shop", "admin-tool", { privileged: true, labels: { team: "ops" } }),
      secret(SECRET_VALUE_B),
    ],
    1,
  );
  clusterId = a.clusterId;
  first = a.snapshotId;
  second = b.snapshotId;
}, 120_000);

afterAll(async () => {
  await boss.stop();
  await prisma.$disconnect();
});

describe("drift", () => {
  test("objects added, removed and changed between the two latest snapshots, with JSON diffs", async () => {
    const drift = await getClusterDrift({ orgId: world.org.id, clusterId });
    expect(drift.from?.snapshotId).toBe(first);
    expect(drift.to?.snapshotId).toBe(second);
    expect(drift.objects.added.map((o) => o.key)).toEqual(["apps/Deployment/shop/admin-tool", "apps/Deployment/shop/cart"]);
    expect(drift.objects.removed.map((o) => o.key)).toEqual(["apps/Deployment/shop/debug"]);
    const changed = Object.fromEntries(drift.objects.changed.map((c) => [c.key, c.diff]));
    expect(Object.keys(changed).sort()).toEqual(["/Secret/shop/db", "apps/Deployment/shop/web"]);
    expect(changed["apps/Deployment/shop/web"]).toEqual([
      { path: "spec.template.spec.containers[0].image", op: "changed", from: "registry.example/web:1.0.0", to: "registry.example/web:1.1.0" },
    ]);
    // The Secret changed (its value's size did), but redacted values never appear in a diff.
    expect(changed["/Secret/shop/db"]).toEqual([]);
    expect(JSON.stringify(drift)).not.toContain("shipshape:redacted");
  });

  test("findings opened and resolved, and score deltas per framework and control", async () => {
    const drift = await getClusterDrift({ orgId: world.org.id, clusterId, from: first, to: second });
    const opened = drift.findings.opened.filter((f) => f.controlId === "SS-0057").map((f) => f.resourceKey).sort();
    const resolved = drift.findings.resolved.filter((f) => f.controlId === "SS-0057").map((f) => f.resourceKey);
    expect(opened).toEqual(["apps/Deployment/shop/admin-tool", "apps/Deployment/shop/cart"]);
    expect(resolved).toEqual(["apps/Deployment/shop/debug"]);
    expect(drift.scores.controls.find((c) => c.controlId === "SS-0057")).toMatchObject({ failedFrom: 1, failedTo: 2, delta: 1 });
    expect(drift.scores.frameworks.length).toBeGreaterThan(0);
    expect(drift.scores.frameworks.some((f) => f.delta !== null && f.delta < 0)).toBe(true);
  });

  test("points in time select the latest snapshot collected at or before them", async () => {
    const drift = await getClusterDrift({ orgId: world.org.id, clusterId, from: at(0.5).toISOString(), to: at(5).toISOString() });
    expect(drift.from?.snapshotId).toBe(first);
    expect(drift.to?.snapshotId).toBe(second);
    const none = await getClusterDrift({ orgId: world.org.id, clusterId, from: first, to: first });
    expect(none.objects).toEqual({ added: [], removed: [], changed: [] });
  });

  test("another organization's cluster is not found", async () => {
    const other = await createOrgWithAgent();
    await expect(getClusterDrift({ orgId: other.org.id, clusterId })).rejects.toThrow(/not found/i);
    await expect(getClusterHistory({ orgId: other.org.id, clusterId })).rejects.toThrow(/not found/i);
  });

  test("the fleet view names the cluster that got worse and why", async () => {
    const regressions = await getFleetRegressions({ orgId: world.org.id, days: 1, now: at(1.5) });
    expect(regressions.map((r) => r.cluster.id)).toEqual([clusterId]);
    const [r] = regressions;
    expect(r.failingResources.to).toBeGreaterThan(r.failingResources.from);
    // Two new privileged workloads: every control they fail was opened twice; critical ones lead.
    expect(r.findingsOpened).toBeGreaterThanOrEqual(4);
    expect(r.topNewControls.length).toBeGreaterThan(0);
    expect(r.topNewControls[0].opened).toBe(Math.max(...r.topNewControls.map((c) => c.opened)));
    const opened = await prisma.finding.count({ where: { clusterId, controlId: "SS-0057", firstSeenAt: at(1) } });
    expect(opened).toBe(2);
    expect(r.findingsResolved).toBeGreaterThan(0);
  });

  test("history: daily trend, snapshots and open findings", async () => {
    const history = await getClusterHistory({ orgId: world.org.id, clusterId, days: 3650 });
    expect(history.trend.map((t) => t.day)).toEqual(["2026-09-01", "2026-09-02"]);
    expect(history.snapshots.map((s) => s.id)).toEqual([second, first]);
    expect(history.findings.open).toBeGreaterThan(0);
    expect(history.findings.oldestOpen.every((f) => f.lastSeenAt?.getTime() === at(1).getTime())).toBe(true);
  });
});

describe("the first evaluation's findings (baseline rows, outside the firstSeenAt index)", () => {
  const shifted = (day: number, hours: number) => new Date(at(day).getTime() + hours * 3_600_000);
  const opened = (after: Date, upTo: Date) =>
    prisma.finding.findMany({ where: { clusterId, firstSeenAt: { gt: after, lte: upTo } }, orderBy: [{ firstSeenAt: "asc" }, { controlId: "asc" }, { resourceKey: "asc" }] });

  test("are the rows the first evaluation opened, and only those", async () => {
    const rows = await prisma.finding.findMany({ where: { clusterId }, select: { firstSeenAt: true, baseline: true } });
    expect(rows.filter((r) => r.baseline).length).toBeGreaterThan(0);
    expect(rows.every((r) => r.baseline === (r.firstSeenAt.getTime() === at(0).getTime()))).toBe(true);
    expect(await baselineAt(world.org.id, clusterId)).toEqual(at(0));
  });

  test("count as opened in a window that contains the first evaluation", async () => {
    for (const [after, upTo] of [[at(-1), at(1)], [at(-1), at(0)], [at(0), at(1)], [shifted(0, 12), at(2)], [shifted(0, -6), shifted(0, 6)], [at(2), at(3)]]) {
      const expected = await opened(after, upTo);
      const { rows, count } = await findingsOpenedBetween(world.org.id, clusterId, after, upTo, 500);
      expect(count).toBe(expected.length);
      expect(rows.map((r) => `${r.firstSeenAt.toISOString()} ${r.controlId}`)).toEqual(expected.map((r) => `${r.firstSeenAt.toISOString()} ${r.controlId}`));
      const first = await findingsOpenedBetween(world.org.id, clusterId, after, upTo, 3);
      expect(first.rows.map((r) => r.controlId)).toEqual(expected.slice(0, 3).map((r) => r.controlId));
    }
  });

  test("lead the oldest open findings", async () => {
    const expected = await prisma.finding.findMany({ where: { clusterId, resolvedAt: null }, orderBy: [{ firstSeenAt: "asc" }, { controlId: "asc" }] });
    const rows = await oldestOpenFindings(world.org.id, clusterId, 5);
    expect(rows.map((r) => `${r.firstSeenAt.toISOString()} ${r.controlId}`)).toEqual(expected.slice(0, 5).map((r) => `${r.firstSeenAt.toISOString()} ${r.controlId}`));
  });

  test("count in the fleet view when the cluster was first evaluated inside its window", async () => {
    // Window from 06:00 on the first day: the first evaluation (12:00 that day) is inside it.
    const regressions = await getFleetRegressions({ orgId: world.org.id, days: 1, now: shifted(1, -6) });
    const r = regressions.find((x) => x.cluster.id === clusterId)!;
    expect(r.findingsOpened).toBe(await prisma.finding.count({ where: { clusterId, firstSeenAt: { gt: shifted(0, -6) } } }));
    expect(r.findingsOpened).toBeGreaterThan(await prisma.finding.count({ where: { clusterId, baseline: false } }));
  });
});

describe("exceptions", () => {
  let exceptionId: string;

  test("an exception is applied by re-scoring the latest snapshot: the finding becomes excepted", async () => {
    const saved = await createException({
      orgId: world.org.id,
      actorId: world.userId,
      input: { controlIds: ["SS-0057"], match: { clusters: ["drift-*"], namespaces: ["shop"], labels: { team: "ops" } }, reason: "break-glass tool, reviewed", owner: "ops@example.test" },
    });
    exceptionId = saved.exception!.id;
    expect(saved.rescoresQueued).toBe(1);
    const queued = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE "name" = 'rescore-cluster' AND "data"->>'clusterId' = ${clusterId} AND "state" = 'created'`;
    expect(Number(queued[0].n)).toBe(1);

    expect(await rescoreCluster({ orgId: world.org.id, clusterId })).toMatchObject({ outcome: "rescored", snapshotId: second });
    const intervals = await prisma.finding.findMany({ where: { clusterId, controlId: "SS-0057", resolvedAt: null }, orderBy: { resourceKey: "asc" } });
    expect(intervals.map((f) => [f.resourceKey, f.exceptionId])).toEqual([
      ["apps/Deployment/shop/admin-tool", exceptionId],
      ["apps/Deployment/shop/cart", null],
    ]);
    const snapshot = await prisma.snapshot.findUniqueOrThrow({ where: { id: second } });
    const counts = (await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: snapshot.controlScoresHash! } } })).counts as Record<string, unknown[]>;
    expect(counts["SS-0057"].slice(2)).toEqual([1, 1]);
    expect((await prisma.controlException.findUniqueOrThrow({ where: { id: exceptionId } })).lastMatchedAt).not.toBeNull();
    const audit = await prisma.auditEvent.findMany({ where: { orgId: world.org.id, targetId: exceptionId } });
    expect(audit.map((e) => e.action)).toEqual(["exception.created"]);
  });

  test("an expired exception stops applying and is reported stale", async () => {
    await updateException({ orgId: world.org.id, actorId: world.userId, patch: { id: exceptionId, expiresAt: new Date(Date.now() - 60_000).toISOString() } });
    await rescoreCluster({ orgId: world.org.id, clusterId });
    const interval = await prisma.finding.findFirstOrThrow({ where: { clusterId, controlId: "SS-0057", resourceKey: "apps/Deployment/shop/admin-tool", resolvedAt: null } });
    expect(interval.exceptionId).toBeNull();
    const stale = await listStaleExceptions({ orgId: world.org.id });
    expect(stale.map((s) => [s.id, s.staleBecause])).toEqual([[exceptionId, "expired"]]);
  });

  test("an exception that matched nothing for 30 days is stale; a young one is not", async () => {
    const unused = await createException({ orgId: world.org.id, actorId: world.userId, input: { controlIds: ["SS-0057"], match: { names: ["no-such-workload"] }, reason: "left over" } });
    const young = await createException({ orgId: world.org.id, actorId: world.userId, input: { controlIds: ["*"], match: { names: ["also-nothing"] }, reason: "just added" } });
    await prisma.controlException.update({ where: { id: unused.exception!.id }, data: { createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    await rescoreCluster({ orgId: world.org.id, clusterId });
    const stale = Object.fromEntries((await listStaleExceptions({ orgId: world.org.id })).map((s) => [s.id, s.staleBecause]));
    expect(stale[unused.exception!.id]).toBe("matches-nothing");
    expect(stale[young.exception!.id]).toBeUndefined();
    await deleteException({ orgId: world.org.id, actorId: world.userId, id: young.exception!.id });
    expect(await prisma.controlException.count({ where: { id: young.exception!.id } })).toBe(0);
  });

  test("exceptions of another organization cannot be changed", async () => {
    const other = await createOrgWithAgent();
    await expect(updateException({ orgId: other.org.id, actorId: other.userId, patch: { id: exceptionId, reason: "hijack" } })).rejects.toThrow(/not found/i);
    await expect(deleteException({ orgId: other.org.id, actorId: other.userId, id: exceptionId })).rejects.toThrow(/not found/i);
  });

  test("a control library upgrade queues a re-score of the clusters scored with the old one", async () => {
    // The re-score queued by the exception changes has run (here: directly), so its job is done.
    await prisma.$executeRaw`DELETE FROM pgboss.job WHERE "name" = 'rescore-cluster' AND "data"->>'clusterId' = ${clusterId} AND "state" = 'created'`;
    await enqueueLibraryRescores(boss, "2099.1.0");
    const jobs = await prisma.$queryRaw<{ reason: string }[]>`
      SELECT "data"->>'reason' AS reason FROM pgboss.job WHERE "name" = 'rescore-cluster' AND "data"->>'clusterId' = ${clusterId} AND "state" = 'created'`;
    expect(jobs.map((j) => j.reason)).toContain("control library 2099.1.0");
  });
});
