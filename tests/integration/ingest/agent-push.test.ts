// End to end: the real agent (collect → normalize → hash → spool → push) against the fake
// Kubernetes API over recorded live objects, the real agent route handlers, a real worker and a
// real PostgreSQL. First push, unchanged re-push, backend outage with spooling, secrets never stored,
// revoked token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAgentCommand, type AgentOptions } from "@/agent/src/commands/agent";
import { EXIT_OK, EXIT_RUNTIME } from "@/agent/src/errors";
import { prisma } from "@/lib/db/client";
import { startWorker, type RunningWorker } from "@/lib/server/pipeline/start-worker";
import { FakeKubeApi, type KubeObject } from "../../support/fake-kube-api";
import { loadKwokObjects } from "../../support/kwok-dump";
import { createOrgWithAgent, type TestOrg } from "../pipeline/support/pipeline-world";
import { AgentRouteHost } from "./support/agent-route-host";

const CANARY_SECRET = "canary-secret-value-e2e-93b1d7";
const CANARY_ENV = "canary-env-password-e2e-40c2";
const CANARY_TOKEN_VALUE = "ghp_" + "Q".repeat(36);

function canaryObjects(): KubeObject[] {
  return [
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "payments-db", namespace: "default", uid: "canary-secret-uid" },
      type: "Opaque",
      data: { password: Buffer.from(CANARY_SECRET).toString("base64") },
      stringData: { apiToken: CANARY_SECRET },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: {
        name: "payments",
        namespace: "default",
        uid: "canary-deployment-uid",
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ env: CANARY_ENV }) },
      },
      spec: {
        selector: { matchLabels: { app: "payments" } },
        template: {
          metadata: { labels: { app: "payments" } },
          spec: {
            containers: [
              {
                name: "app",
                image: "registry.example/payments:3.1",
                env: [
                  { name: "DB_PASSWORD", value: CANARY_ENV },
                  { name: "GIT_SYNC", value: CANARY_TOKEN_VALUE },
                ],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "payments-config", namespace: "default", uid: "canary-configmap-uid" },
      data: { api_key: CANARY_ENV, "log.level": "info" },
    },
  ];
}

const extraDeployment: KubeObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "late-arrival", namespace: "default", uid: "late-arrival-uid" },
  spec: { selector: { matchLabels: { app: "late" } }, template: { metadata: { labels: { app: "late" } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } },
};

let world: TestOrg;
let host: AgentRouteHost;
let worker: RunningWorker;
let dir: string;
let baseObjects: KubeObject[];
let kubeSystemUid: string;

async function runAgent(objects: KubeObject[], token = world.token): Promise<number> {
  const api = new FakeKubeApi(objects);
  const url = await api.start();
  const kubeconfig = path.join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(kubeconfig, api.kubeconfig(url));
  const options: AgentOptions = {
    server: host.url,
    token,
    kubeconfig,
    interval: "3600",
    once: true,
    concurrency: "4",
    pageSize: "500",
    timeout: "10",
    spoolDir: path.join(dir, "spool"),
    clusterName: "kwok-e2e",
  };
  try {
    return await runAgentCommand(options);
  } finally {
    await api.stop();
  }
}

async function waitForEvaluation(snapshotIds: string[], timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pending = await prisma.snapshot.count({ where: { id: { in: snapshotIds }, status: { in: ["pending", "queued"] } } });
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`snapshots ${snapshotIds.join(", ")} were not evaluated within ${timeoutMs} ms`);
}

const snapshotsOfOrg = () => prisma.snapshot.findMany({ where: { orgId: world.org.id }, orderBy: { createdAt: "asc" } });
const bytesOf = (requests: AgentRouteHost["requests"]) => requests.reduce((sum, r) => sum + r.bytes, 0);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-e2e-"));
  const kwok = loadKwokObjects();
  // Every non-pod object (namespaces, nodes, workloads, RBAC…) and a slice of the 14,651 pods keeps
  // the run short while exercising every kind the recorded cluster has.
  baseObjects = [...kwok.filter((o) => o.kind !== "Pod"), ...kwok.filter((o) => o.kind === "Pod").slice(0, 400), ...canaryObjects()];
  kubeSystemUid = String(kwok.find((o) => o.kind === "Namespace" && o.metadata.name === "kube-system")!.metadata.uid);
  world = await createOrgWithAgent();
  host = new AgentRouteHost();
  await host.start();
  worker = await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, log: () => {} });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await host?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe("agent → backend → PostgreSQL", () => {
  let firstPushBytes = 0;

  test("the first push creates the cluster, stores every object once and is evaluated", async () => {
    expect(await runAgent(baseObjects)).toBe(EXIT_OK);
    firstPushBytes = bytesOf(host.requests);
    expect(host.requests.filter((r) => r.method === "PUT").length).toBeGreaterThan(0);
    expect(host.requests.every((r) => r.status === 200)).toBe(true);

    const [snapshot] = await snapshotsOfOrg();
    await waitForEvaluation([snapshot.id]);
    const evaluated = await prisma.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } });
    expect(evaluated.status).toBe("complete");
    expect(evaluated.objectCount).toBe(baseObjects.length);
    const scores = await prisma.controlScores.findUniqueOrThrow({ where: { orgId_hash: { orgId: world.org.id, hash: evaluated.controlScoresHash! } } });
    expect(Object.keys(scores.frameworkScores as object).length).toBeGreaterThan(0);

    const cluster = await prisma.cluster.findFirstOrThrow({ where: { orgId: world.org.id } });
    expect(cluster).toMatchObject({ clusterUid: kubeSystemUid, name: "kwok-e2e", latestSnapshotId: snapshot.id });
    expect(cluster.lastSeenAt).not.toBeNull();
    expect(await prisma.clusterObject.count({ where: { clusterId: cluster.id } })).toBe(baseObjects.length);
    expect(await prisma.objectBlob.count({ where: { orgId: world.org.id } })).toBe(baseObjects.length);
    expect(await prisma.pendingManifest.count({ where: { orgId: world.org.id } })).toBe(0);
  }, 180_000);

  test("an unchanged re-push sends only the manifest digest and the completion", async () => {
    host.requests.length = 0;
    expect(await runAgent(baseObjects)).toBe(EXIT_OK);
    expect(host.requests.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 200", "POST 200"]);
    // No object list, no bodies: the server rebuilt the list from the cluster's state by its digest.
    expect(bytesOf(host.requests)).toBeLessThan(2048);
    expect(bytesOf(host.requests)).toBeLessThan(firstPushBytes / 100);

    const snapshots = await snapshotsOfOrg();
    expect(snapshots).toHaveLength(2);
    await waitForEvaluation([snapshots[1].id]);
    const [first, second] = await snapshotsOfOrg();
    expect(second.status).toBe("complete");
    // The unchanged snapshot refers to the first one's scores.
    expect(second.controlScoresHash).toBe(first.controlScoresHash);
    expect(await prisma.objectBlob.count({ where: { orgId: world.org.id } })).toBe(baseObjects.length);
    expect(await prisma.objectChange.count({ where: { snapshotId: second.id } })).toBe(0);
  }, 120_000);

  test("Secret values and credential-looking values are stored in no column of any table", async () => {
    const columns = await prisma.$queryRaw<{ table_schema: string; table_name: string; column_name: string }[]>`
      SELECT table_schema, table_name, column_name FROM information_schema.columns
       WHERE table_schema IN ('public', 'pgboss') AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`;
    expect(columns.length).toBeGreaterThan(20);
    const needles = [CANARY_SECRET, Buffer.from(CANARY_SECRET).toString("base64"), CANARY_ENV, CANARY_TOKEN_VALUE];
    const hits: string[] = [];
    let controlHits = 0;
    for (const c of columns) {
      const table = `"${c.table_schema}"."${c.table_name}"`;
      const column = `"${c.column_name}"`;
      const [{ n }] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM ${table} WHERE ${column}::text LIKE ANY($1::text[])`,
        needles.map((needle) => `%${needle}%`),
      );
      if (Number(n) > 0) hits.push(`${table}.${column}`);
      const [{ m }] = await prisma.$queryRawUnsafe<{ m: bigint }[]>(`SELECT count(*) AS m FROM ${table} WHERE ${column}::text LIKE '%payments-db%'`);
      controlHits += Number(m);
    }
    expect(hits).toEqual([]);
    // The search itself works: the Secret's name (not a secret) is found.
    expect(controlHits).toBeGreaterThan(0);
  }, 120_000);

  test("while the backend is down snapshots wait in the spool and arrive later, in order, none lost", async () => {
    await host.stop();
    const before = (await snapshotsOfOrg()).length;
    expect(await runAgent(baseObjects)).toBe(EXIT_RUNTIME);
    expect(await runAgent([...baseObjects, extraDeployment])).toBe(EXIT_RUNTIME);
    const spooled = fs.readdirSync(path.join(dir, "spool")).filter((f) => f.endsWith(".snapshot.json.gz"));
    expect(spooled).toHaveLength(2);

    await host.start();
    expect(await runAgent([...baseObjects, extraDeployment])).toBe(EXIT_OK);
    expect(fs.readdirSync(path.join(dir, "spool")).filter((f) => f.endsWith(".snapshot.json.gz"))).toEqual([]);

    const delivered = (await snapshotsOfOrg()).slice(before);
    expect(delivered).toHaveLength(3);
    const collected = delivered.map((s) => s.collectedAt.getTime());
    expect(collected).toEqual([...collected].sort((a, b) => a - b));
    await waitForEvaluation(delivered.map((s) => s.id));
    const states = await prisma.snapshot.findMany({ where: { id: { in: delivered.map((s) => s.id) } }, orderBy: { collectedAt: "asc" } });
    expect(states.map((s) => s.status)).toEqual(["complete", "complete", "complete"]);
    expect(states.map((s) => s.objectCount)).toEqual([baseObjects.length, baseObjects.length + 1, baseObjects.length + 1]);
    const cluster = await prisma.cluster.findFirstOrThrow({ where: { orgId: world.org.id } });
    expect(cluster.latestSnapshotId).toBe(states[2].id);
    const added = await prisma.objectChange.findMany({ where: { clusterId: cluster.id, change: "added", key: "apps/Deployment/default/late-arrival" } });
    expect(added.map((c) => c.snapshotId)).toEqual([states[1].id]);
  }, 240_000);

  test("a revoked token stops pushes with 401", async () => {
    await prisma.agentToken.update({ where: { id: world.agent.tokenId }, data: { revokedAt: new Date() } });
    host.requests.length = 0;
    await expect(runAgent(baseObjects)).rejects.toThrow(/revoked/);
    expect(host.requests.map((r) => r.status)).toEqual([401]);
  }, 120_000);
});
