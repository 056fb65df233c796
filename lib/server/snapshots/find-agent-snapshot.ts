import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export type AgentSnapshot = {
  id: string;
  orgId: string;
  clusterId: string;
  status: string;
  /** Present while the snapshot waits for its bodies (the manifest itself: pendingManifestIndex). */
  pendingManifest: { objectCount: number } | null;
};

/**
 * A snapshot the agent may write to: in the token's organization and, for a cluster-scoped token,
 * of its cluster. Anything else is "not found", so ids of other tenants cannot be probed.
 */
export async function findAgentSnapshot({ agent, snapshotId }: { agent: AgentIdentity; snapshotId: string }): Promise<AgentSnapshot> {
  const snapshot = await prisma.snapshot.findFirst({
    where: { orgId: agent.org.id, id: snapshotId, ...(agent.cluster ? { clusterId: agent.cluster.id } : {}) },
    select: { id: true, orgId: true, clusterId: true, status: true, pendingManifest: { select: { objectCount: true } } },
  });
  if (!snapshot) throw new AppError("not_found", "Snapshot not found.");
  return snapshot;
}
