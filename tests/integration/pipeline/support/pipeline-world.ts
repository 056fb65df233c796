// Factories for pipeline tests: an organization with an agent token, and pushes of given objects
// as the agent makes them (agent/src/collect's normalization and hashes, agent/src/transport's gzip
// chunks) through what the agent routes run (readAgentBody's limits and zod schemas, then the ingest
// services: manifest → bodies → complete). Only HTTP, token authentication and rate limits are left out.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { iterateChunks } from "@/agent/src/transport/push-snapshot";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import { prisma } from "@/lib/db/client";
import type { K8sObject } from "@/lib/engine/types";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { normalizeObject } from "@/lib/snapshot/normalize";
import {
  MAX_CHUNK_BYTES,
  MAX_CHUNK_DECOMPRESSED_BYTES,
  manifestDigestOf,
  objectKeyOf,
  PROTOCOL_VERSION,
  ZObjectChunk,
  ZSnapshotManifest,
  type TFullManifest,
} from "@/lib/snapshot/protocol";
import { completeSnapshot } from "@/lib/server/snapshots/complete-snapshot";
import { readAgentBody } from "@/lib/server/snapshots/read-agent-body";
import { MANIFEST_LIMITS, receiveManifest } from "@/lib/server/snapshots/receive-manifest";
import { storeObjectBodies } from "@/lib/server/snapshots/store-object-bodies";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export { prisma };

export function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export type TestOrg = { org: { id: string; slug: string; name: string }; agent: AgentIdentity; token: string; userId: string };

/** An organization with an owner and an organization-wide agent token (or one scoped to `clusterId`). */
export async function createOrgWithAgent(): Promise<TestOrg> {
  const name = unique("org");
  const user = await prisma.user.create({ data: { email: `${unique("owner")}@example.test`, name: "Owner" } });
  const org = await prisma.organization.create({
    data: { name, slug: name, memberships: { create: { userId: user.id, role: "OWNER" } } },
    select: { id: true, slug: true, name: true },
  });
  const { token, tokenHash, prefix } = generateAgentToken();
  const row = await prisma.agentToken.create({ data: { orgId: org.id, name: unique("token"), tokenHash, prefix } });
  return { org, token, userId: user.id, agent: { tokenId: row.id, tokenPrefix: prefix, tokenName: row.name, org, cluster: null } };
}

export function namespace(name: string, uid = `ns-${name}`): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, uid, labels: { "kubernetes.io/metadata.name": name } } };
}

export function deployment(namespace: string, name: string, options: { privileged?: boolean; image?: string; labels?: Record<string, string> } = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels: { app: name, ...options.labels } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...options.labels } },
        spec: {
          containers: [
            {
              name: "app",
              image: options.image ?? `registry.example/${name}:1.0.0`,
              securityContext: options.privileged ? { privileged: true } : { allowPrivilegeEscalation: false, runAsNonRoot: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
              resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
            },
          ],
        },
      },
    },
  };
}

/**
 * `agentMs`: the simulated agent's own work (normalization, canonical JSON, hashes, gzip), which a
 * real agent does in its cluster; `serverMs`: what the routes and services do with the requests.
 */
export type PushResult = { snapshotId: string; missing: number; clusterId: string; chunks: number; agentMs: number; serverMs: number };

/** A gzip JSON request body as agent/src/transport sends it. */
function agentRequest(json: Buffer): Request {
  return new Request("http://127.0.0.1/api/agent/v1", {
    method: "POST",
    body: new Uint8Array(json),
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
  });
}

/** Pushes objects as an agent would (normalized, hashed, only missing bodies uploaded in gzip chunks, completed). */
export async function pushObjects(
  agent: AgentIdentity,
  objects: readonly K8sObject[],
  options: { clusterUid: string; clusterName?: string; collectedAt: Date; kubernetesVersion?: string },
): Promise<PushResult> {
  let agentMs = 0;
  let serverMs = 0;
  let lap = performance.now();
  const charge = (side: "agent" | "server") => {
    const now = performance.now();
    if (side === "agent") agentMs += now - lap;
    else serverMs += now - lap;
    lap = now;
  };

  const bodies = new Map<string, string>();
  const entries: [string, string][] = [];
  for (const object of objects) {
    const text = canonicalJson(normalizeObject(object as Record<string, unknown> & K8sObject));
    const hash = sha256Hex(text);
    bodies.set(hash, text);
    entries.push([objectKeyOf(object), hash]);
  }
  // Digest first, the object list only when the server does not hold it (agent/src/transport).
  const header: Omit<TFullManifest, "objects"> = {
    protocolVersion: PROTOCOL_VERSION,
    idempotencyKey: unique("push-key"),
    collectedAt: options.collectedAt.toISOString(),
    cluster: {
      uid: options.clusterUid,
      name: options.clusterName,
      provider: "kind",
      kubernetesVersion: options.kubernetesVersion ?? "v1.31.2",
      nodeCount: 1,
      agentVersion: "0.1.0-test",
    },
    resourceTypes: [],
    collectionErrors: [],
  };
  const manifestDigest = manifestDigestOf(entries);
  const postManifest = async (body: object) => {
    const request = agentRequest(gzipSync(Buffer.from(JSON.stringify(body), "utf8")));
    charge("agent");
    const reply = await receiveManifest({ agent, manifest: await readAgentBody(request, ZSnapshotManifest, MANIFEST_LIMITS) });
    charge("server");
    return reply;
  };
  let answer = await postManifest({ ...header, manifestDigest });
  if ("needManifest" in answer) answer = await postManifest({ ...header, manifestDigest, objects: entries });
  if ("needManifest" in answer) throw new Error("the server asked for the object list it was sent");

  let chunks = 0;
  const missing = answer.missing.map((hash): [string, string] => [hash, bodies.get(hash)!]);
  for (const chunk of iterateChunks(missing, Math.min(answer.maxChunkBytes, MAX_CHUNK_BYTES))) {
    const request = agentRequest(chunk);
    charge("agent");
    const limits = { maxBytes: MAX_CHUNK_BYTES, maxDecompressedBytes: MAX_CHUNK_DECOMPRESSED_BYTES };
    await storeObjectBodies({ agent, snapshotId: answer.snapshotId, chunk: await readAgentBody(request, ZObjectChunk, limits) });
    charge("server");
    chunks++;
  }
  await completeSnapshot({ agent, snapshotId: answer.snapshotId });
  charge("server");
  return { snapshotId: answer.snapshotId, missing: answer.missing.length, clusterId: answer.clusterId, chunks, agentMs, serverMs };
}
