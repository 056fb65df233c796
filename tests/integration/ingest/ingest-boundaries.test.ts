// What the ingest routes refuse, over HTTP through the real handlers: gzip bombs and oversized
// bodies (413), bodies that do not hash to their claim or carry Secret values (400), other tenants'
// snapshots (404), a cluster-scoped token pushing another cluster (403); and what they repeat
// safely: a retried manifest returns the same snapshot and the same missing list. Node facts too.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { manifestDigestOf, MAX_CHUNK_DECOMPRESSED_BYTES, PROTOCOL_VERSION, type TFullManifest } from "@/lib/snapshot/protocol";
import { createOrgWithAgent, deployment, namespace, prisma, unique, type TestOrg } from "../pipeline/support/pipeline-world";
import { forgetPendingManifest } from "@/lib/server/snapshots/pending-manifest-index";
import { AgentRouteHost } from "./support/agent-route-host";

let host: AgentRouteHost;
let A: TestOrg;
let B: TestOrg;

type Answer = { status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> };

async function call(method: string, path: string, token: string, body?: unknown, options: { gzip?: boolean; raw?: Buffer } = {}): Promise<Answer> {
  const text = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const payload = options.raw ?? (text && options.gzip !== false ? gzipSync(text) : text);
  const res = await fetch(host.url + path, {
    method,
    body: payload ? new Uint8Array(payload) : undefined,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(options.raw || (text && options.gzip !== false) ? { "content-encoding": "gzip" } : {}) },
  });
  return { status: res.status, body: await res.json() };
}

function bodyText(object: Record<string, unknown>) {
  const text = canonicalJson(object);
  return { text, hash: sha256Hex(text) };
}

function manifestFor(objects: Record<string, unknown>[], uid: string, key = unique("key")): TFullManifest {
  return {
    protocolVersion: PROTOCOL_VERSION,
    idempotencyKey: key,
    collectedAt: new Date().toISOString(),
    cluster: { uid, name: unique("cl"), provider: "eks", region: "eu-west-1", kubernetesVersion: "v1.31.2", nodeCount: 3, agentVersion: "0.1.0" },
    objects: objects.map((o) => {
      const meta = o.metadata as { namespace?: string; name: string };
      const group = String(o.apiVersion).includes("/") ? String(o.apiVersion).split("/")[0] : "";
      return [`${group}/${o.kind}/${meta.namespace ?? ""}/${meta.name}`, bodyText(o).hash];
    }),
    resourceTypes: [],
    collectionErrors: [],
  };
}

beforeAll(async () => {
  A = await createOrgWithAgent();
  B = await createOrgWithAgent();
  host = new AgentRouteHost();
  await host.start();
});
afterAll(async () => {
  await host.stop();
  await prisma.$disconnect();
});

describe("manifest", () => {
  const objects = [namespace("shop"), deployment("shop", "web")] as unknown as Record<string, unknown>[];

  test("a retried manifest POST returns the same snapshot and the same missing list", async () => {
    const manifest = manifestFor(objects, unique("uid"));
    const first = await call("POST", "/api/agent/v1/snapshots", A.token, manifest);
    expect(first.status).toBe(200);
    expect([...(first.body.missing as string[])].sort()).toEqual(manifest.objects.map(([, h]) => h).sort());
    const again = await call("POST", "/api/agent/v1/snapshots", A.token, manifest);
    expect(again.body).toEqual(first.body);
    expect(await prisma.snapshot.count({ where: { orgId: A.org.id, idempotencyKey: manifest.idempotencyKey } })).toBe(1);
    const cluster = await prisma.cluster.findFirstOrThrow({ where: { orgId: A.org.id, clusterUid: manifest.cluster.uid } });
    expect(cluster).toMatchObject({ provider: "eks", region: "eu-west-1", kubernetesVersion: "v1.31.2", nodeCount: 3, agentVersion: "0.1.0" });
    // The same key for a different object list is a client bug, not a retry.
    const reused = await call("POST", "/api/agent/v1/snapshots", A.token, { ...manifest, objects: manifest.objects.slice(1) });
    expect(reused.status).toBe(409);
  });

  test("a digest-only manifest is answered needManifest until the server holds that object list", async () => {
    const manifest = manifestFor(objects, unique("uid"));
    const { objects: list, ...header } = manifest;
    const digestOnly = { ...header, manifestDigest: manifestDigestOf(list) };
    const first = await call("POST", "/api/agent/v1/snapshots", A.token, digestOnly);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ needManifest: true });
    expect(await prisma.snapshot.count({ where: { orgId: A.org.id, idempotencyKey: manifest.idempotencyKey } })).toBe(0);

    const wrongDigest = await call("POST", "/api/agent/v1/snapshots", A.token, { ...manifest, manifestDigest: "0".repeat(64) });
    expect(wrongDigest.status).toBe(400);
    expect(JSON.stringify(wrongDigest.body)).toMatch(/manifestDigest/);

    const neither = await call("POST", "/api/agent/v1/snapshots", A.token, header);
    expect(neither.status).toBe(400);
  });

  test("an org-wide token's first push binds the unbound cluster of the same name instead of creating another", async () => {
    const registered = await prisma.cluster.create({ data: { orgId: A.org.id, name: unique("registered"), provider: "eks" }, select: { id: true, name: true } });
    const base = manifestFor(objects, unique("uid"));
    const manifest = { ...base, cluster: { ...base.cluster, name: registered.name } };
    const answer = await call("POST", "/api/agent/v1/snapshots", A.token, manifest);
    expect(answer.status).toBe(200);
    const bound = await prisma.cluster.findUniqueOrThrow({ where: { id: registered.id } });
    expect(bound.clusterUid).toBe(manifest.cluster.uid);
    expect(await prisma.cluster.count({ where: { orgId: A.org.id, name: { startsWith: registered.name } } })).toBe(1);
    // A second Kubernetes cluster reporting the same name now gets its own cluster.
    const other = { ...manifestFor(objects, unique("uid")), cluster: { ...manifest.cluster, uid: unique("uid2") } };
    expect((await call("POST", "/api/agent/v1/snapshots", A.token, other)).status).toBe(200);
    expect(await prisma.cluster.count({ where: { orgId: A.org.id, name: { startsWith: registered.name } } })).toBe(2);
  });

  test("invalid manifests are refused with the reason", async () => {
    const bad = { ...manifestFor(objects, unique("uid")), protocolVersion: "0" };
    const res = await call("POST", "/api/agent/v1/snapshots", A.token, bad);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/protocolVersion/);
    const notGzip = await call("POST", "/api/agent/v1/snapshots", A.token, undefined, { raw: Buffer.from("not gzip at all") });
    expect(notGzip.status).toBe(400);
    expect(notGzip.body.error?.message).toMatch(/gzip/);
  });

  test("a cluster-scoped token pushes only its own Kubernetes cluster", async () => {
    const own = await prisma.cluster.create({ data: { orgId: A.org.id, name: unique("scoped"), clusterUid: unique("real-uid") } });
    const { token, tokenHash, prefix } = generateAgentToken();
    await prisma.agentToken.create({ data: { orgId: A.org.id, clusterId: own.id, name: unique("t"), tokenHash, prefix } });
    const foreign = await call("POST", "/api/agent/v1/snapshots", token, manifestFor(objects, unique("other-uid")));
    expect(foreign.status).toBe(403);
    const ok = await call("POST", "/api/agent/v1/snapshots", token, manifestFor(objects, own.clusterUid!));
    expect(ok.status).toBe(200);
    expect((await prisma.snapshot.findUniqueOrThrow({ where: { id: ok.body.snapshotId as string } })).clusterId).toBe(own.id);
  });
});

describe("object chunks", () => {
  let snapshotId: string;
  const web = deployment("shop", "web") as unknown as Record<string, unknown>;
  const ns = namespace("shop") as unknown as Record<string, unknown>;

  beforeAll(async () => {
    const res = await call("POST", "/api/agent/v1/snapshots", A.token, manifestFor([ns, web], unique("uid")));
    snapshotId = res.body.snapshotId as string;
  });

  test("a gzip bomb is refused with 413 before it is expanded", async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_CHUNK_DECOMPRESSED_BYTES + 1024 * 1024, " "));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await call("PUT", `/api/agent/v1/snapshots/${snapshotId}/objects`, A.token, undefined, { raw: bomb });
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/decompressed/);
  });

  test("a body sent as the agent writes it (canonical JSON, integer-like keys included) is accepted under its hash", async () => {
    const config = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ports", namespace: "shop" }, data: { "10": "ten", "9": "nine", a: "letter" } };
    const { text, hash } = bodyText(config);
    // Canonical order compares code units ("10" < "9" < "a"); JavaScript enumerates 9, 10, a.
    expect(text).toContain('"data":{"10":"ten","9":"nine","a":"letter"}');
    const res = await call("POST", "/api/agent/v1/snapshots", A.token, manifestFor([config], unique("uid")));
    const chunk = gzipSync(Buffer.from(`{"objects":[{"hash":"${hash}","body":${text}}]}`));
    const put = await call("PUT", `/api/agent/v1/snapshots/${res.body.snapshotId}/objects`, A.token, undefined, { raw: chunk });
    expect(put.body).toMatchObject({ received: 1, stored: 1 });
    const blob = await prisma.objectBlob.findUniqueOrThrow({ where: { orgId_hash: { orgId: A.org.id, hash } } });
    expect(blob.body).toEqual(config);
  });

  test("a body whose hash is not the claimed one is refused and nothing is stored", async () => {
    const { hash } = bodyText(web);
    const tampered = { ...web, metadata: { ...(web.metadata as object), labels: { app: "evil" } } };
    const res = await call("PUT", `/api/agent/v1/snapshots/${snapshotId}/objects`, A.token, { objects: [{ hash, body: tampered }] });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/hashes to/);
    expect(await prisma.objectBlob.count({ where: { orgId: A.org.id, hash } })).toBe(0);
  });

  test("completing before every body is uploaded is refused; after the upload it is queued once", async () => {
    const early = await call("POST", `/api/agent/v1/snapshots/${snapshotId}/complete`, A.token, {}, { gzip: false });
    expect(early.status).toBe(409);
    const objects = [ns, web].map((o) => ({ hash: bodyText(o).hash, body: o }));
    const up = await call("PUT", `/api/agent/v1/snapshots/${snapshotId}/objects`, A.token, { objects });
    expect(up.body).toMatchObject({ received: 2, stored: 2 });
    const retry = await call("PUT", `/api/agent/v1/snapshots/${snapshotId}/objects`, A.token, { objects });
    expect(retry.body).toMatchObject({ received: 2, stored: 0 });
    const done = await call("POST", `/api/agent/v1/snapshots/${snapshotId}/complete`, A.token, {}, { gzip: false });
    expect(done.body).toEqual({ snapshotId, status: "queued" });
    const twice = await call("POST", `/api/agent/v1/snapshots/${snapshotId}/complete`, A.token, {}, { gzip: false });
    expect(twice.body).toEqual({ snapshotId, status: "queued" });
    const jobs = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE "name" = 'evaluate-snapshot' AND "data"->>'snapshotId' = ${snapshotId}`;
    expect(Number(jobs[0].n)).toBe(1);
  });

  test("chunks reaching another app process (the manifest not decoded there yet) are checked against the stored manifest", async () => {
    const api = deployment("shop", unique("api")) as unknown as Record<string, unknown>;
    const res = await call("POST", "/api/agent/v1/snapshots", A.token, manifestFor([ns, api], unique("uid")));
    const id = res.body.snapshotId as string;
    // What a process that did not receive the manifest holds: nothing.
    forgetPendingManifest(A.org.id, id);
    const stranger = deployment("shop", unique("stranger")) as unknown as Record<string, unknown>;
    const refused = await call("PUT", `/api/agent/v1/snapshots/${id}/objects`, A.token, { objects: [{ hash: bodyText(stranger).hash, body: stranger }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/not in this snapshot's manifest/);
    forgetPendingManifest(A.org.id, id);
    const up = await call("PUT", `/api/agent/v1/snapshots/${id}/objects`, A.token, { objects: [{ hash: bodyText(api).hash, body: api }] });
    expect(up.body).toMatchObject({ received: 1, stored: 1 });
    forgetPendingManifest(A.org.id, id);
    const done = await call("POST", `/api/agent/v1/snapshots/${id}/complete`, A.token, {}, { gzip: false });
    expect(done.body).toEqual({ snapshotId: id, status: "queued" });
    // Another organization's token never reaches the manifest, cached or not.
    const other = await call("PUT", `/api/agent/v1/snapshots/${id}/objects`, B.token, { objects: [{ hash: bodyText(api).hash, body: api }] });
    expect(other.status).toBe(404);
  });

  test("a Secret that still carries its values is refused", async () => {
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "raw", namespace: "shop" }, data: { password: Buffer.from("hunter2hunter2").toString("base64") } };
    const res = await call("POST", "/api/agent/v1/snapshots", A.token, manifestFor([secret], unique("uid")));
    const put = await call("PUT", `/api/agent/v1/snapshots/${res.body.snapshotId}/objects`, A.token, { objects: [{ hash: bodyText(secret).hash, body: secret }] });
    expect(put.status).toBe(400);
    expect(put.body.error?.message).toMatch(/not redacted/);
    expect(JSON.stringify(await prisma.objectBlob.findMany({ where: { orgId: A.org.id } }))).not.toContain("aHVudGVy");
  });

  test("another organization's token cannot see or touch the snapshot", async () => {
    const put = await call("PUT", `/api/agent/v1/snapshots/${snapshotId}/objects`, B.token, { objects: [{ hash: bodyText(ns).hash, body: ns }] });
    expect(put.status).toBe(404);
    const complete = await call("POST", `/api/agent/v1/snapshots/${snapshotId}/complete`, B.token, {}, { gzip: false });
    expect(complete.status).toBe(404);
    expect(JSON.stringify([put.body, complete.body])).not.toContain(A.org.slug);
  });
});

describe("node facts", () => {
  test("the latest NodeInfo per node is stored for the cluster; invalid ones are refused", async () => {
    const uid = unique("uid");
    await call("POST", "/api/agent/v1/snapshots", A.token, manifestFor([namespace("kube-system") as unknown as Record<string, unknown>], uid));
    const nodeInfo = { apiVersion: "shipshape.dev/v1alpha1", kind: "NodeInfo", metadata: { name: "node-1" }, spec: { nodeName: "node-1", kubeletFlags: { "anonymous-auth": "false" } } };
    const ok = await call("POST", "/api/agent/v1/node-facts", A.token, { clusterUid: uid, nodeInfo });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nodeName: "node-1", changed: true });
    const same = await call("POST", "/api/agent/v1/node-facts", A.token, { clusterUid: uid, nodeInfo });
    expect(same.body).toMatchObject({ changed: false });
    expect(await prisma.nodeFacts.count({ where: { orgId: A.org.id, nodeName: "node-1" } })).toBe(1);
    const wrongKind = await call("POST", "/api/agent/v1/node-facts", A.token, { clusterUid: uid, nodeInfo: { ...nodeInfo, kind: "Node" } });
    expect(wrongKind.status).toBe(400);
    const otherOrg = await call("POST", "/api/agent/v1/node-facts", B.token, { clusterUid: uid, nodeInfo });
    expect(otherOrg.status).toBe(404);
  });
});
