// Factories for pipeline tests: an organization with an agent token, and pushes of given objects
// through the real ingest services (manifest → bodies → complete), as the agent routes do.
import { randomBytes } from "node:crypto";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import { prisma } from "@/lib/db/client";
import type { K8sObject } from "@/lib/engine/types";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { normalizeObject } from "@/lib/snapshot/normalize";
import { objectKeyOf, PROTOCOL_VERSION, type TFullManifest } from "@/lib/snapshot/protocol";
import { completeSnapshot } from "@/lib/server/snapshots/complete-snapshot";
import { receiveManifest } from "@/lib/server/snapshots/receive-manifest";
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

export type PushResult = { snapshotId: string; missing: number; clusterId: string };

/** Pushes objects as an agent would (normalized, hashed, only missing bodies uploaded, completed). */
export async function pushObjects(
  agent: AgentIdentity,
  objects: readonly K8sObject[],
  options: { clusterUid: string; clusterName?: string; collectedAt: Date; kubernetesVersion?: string },
): Promise<PushResult> {
  const bodies = new Map<string, string>();
  const entries: [string, string][] = [];
  for (const object of objects) {
    const text = canonicalJson(normalizeObject(object as Record<string, unknown> & K8sObject));
    const hash = sha256Hex(text);
    bodies.set(hash, text);
    entries.push([objectKeyOf(object), hash]);
  }
  const manifest: TFullManifest = {
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
    objects: entries,
    resourceTypes: [],
    collectionErrors: [],
  };
  const answer = await receiveManifest({ agent, manifest });
  if (answer.missing.length) {
    await storeObjectBodies({
      agent,
      snapshotId: answer.snapshotId,
      chunk: { objects: answer.missing.map((hash) => ({ hash, body: JSON.parse(bodies.get(hash)!) })) },
    });
  }
  await completeSnapshot({ agent, snapshotId: answer.snapshotId });
  return { snapshotId: answer.snapshotId, missing: answer.missing.length, clusterId: answer.clusterId };
}
