// The queue on real PostgreSQL: two workers share it (each job taken by exactly one), a worker that
// dies mid-transaction leaves nothing behind and its job is retried to a single result, and a job
// that keeps failing is dead-lettered with its error visible to admins.
import { spawn } from "node:child_process";
import path from "node:path";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureQueues, startSendOnlyQueue } from "@/lib/server/pipeline/job-queue";
import { listEvaluationFailures } from "@/lib/server/pipeline/list-evaluation-failures";
import { startWorker, type RunningWorker } from "@/lib/server/pipeline/start-worker";
import { createOrgWithAgent, deployment, namespace, prisma, pushObjects, unique, type TestOrg } from "./support/pipeline-world";

const PROJECT_ROOT = path.resolve(__dirname, "../../..");
let world: TestOrg;
let boss: PgBoss;
const workers: RunningWorker[] = [];

const objectsFor = (name: string) => [namespace(name), deployment(name, "api"), deployment(name, "worker", { privileged: true })];

async function pushCluster(name: string, day = 0) {
  return pushObjects(world.agent, objectsFor(name), { clusterUid: unique(`uid-${name}`), clusterName: name, collectedAt: new Date(Date.UTC(2026, 10, 1 + day)) });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type JobRow = { state: string; retry_count: number; output: { workerId?: string } | null };
const jobsOf = (snapshotId: string) =>
  prisma.$queryRaw<JobRow[]>`SELECT "state"::text, "retry_count", "output" FROM pgboss.job WHERE "name" = 'evaluate-snapshot' AND "data"->>'snapshotId' = ${snapshotId}`;

beforeAll(async () => {
  world = await createOrgWithAgent();
  boss = await startSendOnlyQueue();
});

afterAll(async () => {
  for (const w of workers) await w.stop();
  // Later test files get the production queue settings back.
  await ensureQueues(boss);
  await boss.stop();
  await prisma.$disconnect();
});

describe("workers sharing the queue", () => {
  test("two workers, two jobs: each job is evaluated once, by one worker each", async () => {
    const a = await pushCluster("alpha");
    const b = await pushCluster("bravo");
    // Each evaluation holds its transaction a moment, so the first worker is busy when the second polls.
    const slow = { beforeCommit: () => new Promise<void>((r) => setTimeout(r, 1500)), pollingIntervalSeconds: 0.5, schedules: false, log: () => {} };
    workers.push(await startWorker({ ...slow, workerId: "worker-one" }), await startWorker({ ...slow, workerId: "worker-two" }));
    for (const id of [a.snapshotId, b.snapshotId]) {
      await waitFor(`snapshot ${id}`, async () => (await jobsOf(id)).every((j) => j.state === "completed") && (await jobsOf(id)).length > 0);
    }
    const jobs = [...(await jobsOf(a.snapshotId)), ...(await jobsOf(b.snapshotId))];
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs.map((j) => j.output?.workerId))).toEqual(new Set(["worker-one", "worker-two"]));
    for (const pushed of [a, b]) {
      expect((await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } })).status).toBe("complete");
      expect(await prisma.objectChange.count({ where: { snapshotId: pushed.snapshotId } })).toBe(3);
    }
    for (const w of workers.splice(0)) await w.stop();
  }, 120_000);

  test("a worker that dies mid-transaction leaves nothing; the job is retried to exactly one result", async () => {
    await ensureQueues(boss, { expireInSeconds: 3, retryDelaySeconds: 1, retryLimit: 3 });
    const pushed = await pushCluster("charlie");
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "tests/integration/pipeline/support/crashing-worker.ts"], {
      cwd: PROJECT_ROOT,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(output).toContain("crashing mid-transaction");
    expect(code).toBe(137);

    // Everything the dead worker wrote was rolled back with its connection.
    expect((await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } })).status).toBe("queued");
    expect(await prisma.objectChange.count({ where: { clusterId: pushed.clusterId } })).toBe(0);
    expect(await prisma.clusterObject.count({ where: { clusterId: pushed.clusterId } })).toBe(0);
    expect(await prisma.finding.count({ where: { clusterId: pushed.clusterId } })).toBe(0);

    workers.push(await startWorker({ pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, schedules: false, log: () => {} }));
    await waitFor("the retried evaluation", async () => (await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } })).status === "complete");
    const [job] = await jobsOf(pushed.snapshotId);
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    expect(await prisma.objectChange.count({ where: { clusterId: pushed.clusterId } })).toBe(3);
    expect(await prisma.clusterObject.count({ where: { clusterId: pushed.clusterId } })).toBe(3);
    const findings = await prisma.finding.findMany({ where: { clusterId: pushed.clusterId } });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.occurrence === 1)).toBe(true);
  }, 120_000);

  test("a job that keeps failing is dead-lettered: the snapshot is failed and admins see why", async () => {
    await ensureQueues(boss, { expireInSeconds: 30, retryDelaySeconds: 1, retryLimit: 1 });
    const pushed = await pushCluster("delta");
    // A body lost from the store (e.g. restored from an inconsistent backup) makes evaluation impossible.
    const manifestHash = (await prisma.objectBlob.findMany({ where: { orgId: world.org.id, body: { path: ["metadata", "namespace"], equals: "delta" } } }))[0].hash;
    await prisma.objectBlob.delete({ where: { orgId_hash: { orgId: world.org.id, hash: manifestHash } } });
    if (!workers.length) workers.push(await startWorker({ pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, schedules: false, log: () => {} }));
    const failed = await waitFor("the failed snapshot", async () => {
      const s = await prisma.snapshot.findUniqueOrThrow({ where: { id: pushed.snapshotId } });
      return s.status === "failed" ? s : null;
    });
    expect(failed.error).toMatch(/missing from the object store/);
    const report = await waitFor("the failure report", async () => {
      const r = await listEvaluationFailures({ orgId: world.org.id });
      return r.jobs.some((j) => j.snapshotId === pushed.snapshotId) ? r : null;
    });
    expect(report.snapshots.map((s) => s.id)).toContain(pushed.snapshotId);
    const job = report.jobs.find((j) => j.snapshotId === pushed.snapshotId)!;
    expect(job).toMatchObject({ queue: "evaluate-snapshot", state: "failed", attempts: 2 });
    expect(job.error).toMatch(/missing from the object store/);
    // Another organization sees none of it.
    const other = await createOrgWithAgent();
    expect(await listEvaluationFailures({ orgId: other.org.id })).toEqual({ snapshots: [], jobs: [] });
  }, 120_000);
});
