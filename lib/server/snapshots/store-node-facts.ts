import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { NODE_INFO_API_VERSION } from "@/lib/engine/types";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export const NODE_FACTS_LIMITS = { maxBytes: 1024 * 1024, maxDecompressedBytes: 4 * 1024 * 1024 } as const;

/** `POST /api/agent/v1/node-facts`: one node's NodeInfo (docs/node-info.md). */
export const ZNodeFactsUpload = z
  .object({
    /** kube-system UID of the cluster; needed only with an organization-wide token. */
    clusterUid: z.string().min(1).max(128).optional(),
    nodeInfo: z
      .object({
        apiVersion: z.literal(NODE_INFO_API_VERSION),
        kind: z.literal("NodeInfo"),
        metadata: z.object({ name: z.string().min(1).max(253) }).passthrough(),
        spec: z.object({ nodeName: z.string().min(1).max(253) }).passthrough(),
      })
      .passthrough(),
  })
  .strict();

export type TNodeFactsUpload = z.infer<typeof ZNodeFactsUpload>;

/** Keeps the latest NodeInfo per cluster and node; the cluster's next evaluation uses it. */
export async function storeNodeFacts({ agent, upload, now = new Date() }: { agent: AgentIdentity; upload: TNodeFactsUpload; now?: Date }): Promise<{ clusterId: string; nodeName: string; changed: boolean }> {
  const orgId = agent.org.id;
  const { nodeInfo } = upload;
  if (nodeInfo.metadata.name !== nodeInfo.spec.nodeName) {
    throw new AppError("validation_failed", "nodeInfo.metadata.name must equal nodeInfo.spec.nodeName.");
  }
  let cluster: { id: string; clusterUid: string | null } | null;
  if (agent.cluster) {
    cluster = await prisma.cluster.findFirst({ where: { orgId, id: agent.cluster.id }, select: { id: true, clusterUid: true } });
    if (cluster && upload.clusterUid && cluster.clusterUid && cluster.clusterUid !== upload.clusterUid) {
      throw new AppError("forbidden", "This token belongs to a different Kubernetes cluster (kube-system UID differs).");
    }
  } else {
    if (!upload.clusterUid) throw new AppError("validation_failed", "clusterUid is required with an organization-wide token.");
    cluster = await prisma.cluster.findFirst({ where: { orgId, clusterUid: upload.clusterUid }, select: { id: true, clusterUid: true } });
  }
  if (!cluster) throw new AppError("not_found", "Cluster not found: push a snapshot of this cluster before its node facts.");

  const hash = sha256Hex(canonicalJson(nodeInfo));
  const nodeName = nodeInfo.spec.nodeName;
  const existing = await prisma.nodeFacts.findUnique({ where: { clusterId_nodeName: { clusterId: cluster.id, nodeName } }, select: { hash: true } });
  await prisma.nodeFacts.upsert({
    where: { clusterId_nodeName: { clusterId: cluster.id, nodeName } },
    create: { orgId, clusterId: cluster.id, nodeName, hash, body: nodeInfo as object, receivedAt: now },
    update: existing?.hash === hash ? { receivedAt: now } : { hash, body: nodeInfo as object, receivedAt: now },
  });
  return { clusterId: cluster.id, nodeName, changed: existing?.hash !== hash };
}
