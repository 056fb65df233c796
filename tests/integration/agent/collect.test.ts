// The agent's collection against a local API server over recorded real objects (the kwok cluster
// dump), through the official client: pagination, faults, identity, redaction, stable hashes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dryRunPayload } from "@/agent/src/commands/agent";
import { collectCluster } from "@/agent/src/collect/collect-cluster";
import { KubeClient, loadKubeConfig } from "@/agent/src/collect/kube-client";
import { FakeKubeApi, type KubeObject } from "../../support/fake-kube-api";
import { loadKwokObjects } from "../../support/kwok-dump";

const CANARY_SECRET = "canary-secret-value-7f3a9c";
const CANARY_ENV = "canary-env-password-51e0";

let objects: KubeObject[];
let dir: string;

function extraObjects(): KubeObject[] {
  return [
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "db-credentials", namespace: "default", uid: "s-1", managedFields: [{ manager: "kubectl" }] },
      type: "Opaque",
      data: { password: Buffer.from(CANARY_SECRET).toString("base64") },
      stringData: { token: CANARY_SECRET },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: {
        name: "billing",
        namespace: "default",
        uid: "d-1",
        annotations: { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ env: CANARY_ENV }) },
      },
      spec: { template: { spec: { containers: [{ name: "app", image: "billing:1", env: [{ name: "DB_PASSWORD", value: CANARY_ENV }] }] } } },
    },
  ];
}

async function withServer<T>(api: FakeKubeApi, fn: (client: KubeClient) => Promise<T>, timeoutMs = 5000): Promise<T> {
  const url = await api.start();
  const file = path.join(dir, `kubeconfig-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, api.kubeconfig(url));
  try {
    return await fn(new KubeClient(loadKubeConfig({ kubeconfig: file }), { timeoutMs }));
  } finally {
    await api.stop();
  }
}

beforeAll(() => {
  objects = [...loadKwokObjects(), ...extraObjects()];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-agent-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("agent collection", () => {
  it("collects every object of the recorded cluster through paginated lists and identifies it", async () => {
    const api = new FakeKubeApi(objects);
    const snapshot = await withServer(api, (client) => collectCluster(client, { pageSize: 500 }));
    expect(snapshot.manifest.objects).toHaveLength(objects.length);
    expect(snapshot.manifest.collectionErrors).toEqual([]);
    const kubeSystem = objects.find((o) => o.kind === "Namespace" && o.metadata.name === "kube-system")!;
    expect(snapshot.manifest.cluster.uid).toBe(kubeSystem.metadata.uid);
    expect(snapshot.manifest.cluster.nodeCount).toBe(objects.filter((o) => o.kind === "Node").length);
    expect(snapshot.manifest.resourceTypes.find((t) => t.resource === "pods")?.count).toBe(objects.filter((o) => o.kind === "Pod").length);
    // 14,651 pods at 500 per page: the continue token was followed to the end.
    expect(api.requests.filter((r) => r.startsWith("/api/v1/pods")).length).toBe(Math.ceil(14651 / 500));
    const pod = JSON.parse(snapshot.bodies.get(snapshot.manifest.objects.find(([k]) => k.startsWith("/Pod/"))![1])!);
    expect(pod.apiVersion).toBe("v1");
    expect(pod.kind).toBe("Pod");
    expect(pod.metadata.managedFields).toBeUndefined();
  }, 60_000);

  it("records a forbidden type as a collection error and collects the rest", async () => {
    const api = new FakeKubeApi(objects, { faults: { forbidden: ["configmaps", "apps/daemonsets"] } });
    const snapshot = await withServer(api, (client) => collectCluster(client));
    const reasons = snapshot.manifest.collectionErrors.map((e) => `${e.group}/${e.resource}:${e.reason}:${e.httpStatus}`);
    expect(reasons).toEqual(["/configmaps:forbidden:403", "apps/daemonsets:forbidden:403"]);
    const kinds = new Set(snapshot.manifest.objects.map(([k]) => k.split("/")[1]));
    expect(kinds.has("ConfigMap")).toBe(false);
    expect(kinds.has("Pod")).toBe(true);
  }, 60_000);

  it("retries a 500 in the middle of a paginated list and still gets the whole list", async () => {
    const api = new FakeKubeApi(objects, { faults: { failOncePage: { pods: 7 } } });
    const snapshot = await withServer(api, (client) => collectCluster(client, { backoffMs: 10 }));
    expect(snapshot.manifest.collectionErrors).toEqual([]);
    expect(snapshot.manifest.objects.filter(([k]) => k.startsWith("/Pod/"))).toHaveLength(14651);
  }, 60_000);

  it("gives up on a list that hangs mid-way, records a timeout, and keeps no half list", async () => {
    const api = new FakeKubeApi(objects, { faults: { hangPage: { pods: 3 } } });
    const snapshot = await withServer(api, (client) => collectCluster(client, { retries: 1, backoffMs: 10 }), 400);
    expect(snapshot.manifest.collectionErrors.map((e) => `${e.resource}:${e.reason}`)).toEqual(["pods:timeout"]);
    expect(snapshot.manifest.objects.some(([k]) => k.startsWith("/Pod/"))).toBe(false);
    expect(snapshot.manifest.objects.some(([k]) => k.startsWith("/Node/"))).toBe(true);
  }, 60_000);

  it("hashes an unchanged cluster identically on every collection", async () => {
    const api = new FakeKubeApi(objects.slice(0, 3000).concat(objects.filter((o) => o.kind === "Namespace")));
    const [a, b] = await withServer(api, async (client) => [await collectCluster(client), await collectCluster(client)]);
    expect(b.manifest.objects).toEqual(a.manifest.objects);
    expect(b.manifest.idempotencyKey).not.toBe(a.manifest.idempotencyKey);
  }, 60_000);

  it("never puts a Secret value or a literal credential in what it would send", async () => {
    const api = new FakeKubeApi(objects.filter((o) => o.kind === "Namespace").concat(extraObjects()));
    const snapshot = await withServer(api, (client) => collectCluster(client));
    const payload = dryRunPayload(snapshot);
    expect(payload).not.toContain(CANARY_SECRET);
    expect(payload).not.toContain(Buffer.from(CANARY_SECRET).toString("base64"));
    expect(payload).not.toContain(CANARY_ENV);
    const parsed = JSON.parse(payload);
    const secret = parsed.objects.map((o: { body: KubeObject }) => o.body).find((b: KubeObject) => b.kind === "Secret");
    expect(Object.keys(secret.data).sort()).toEqual(["password", "token"]);
  }, 60_000);
});
