import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import { CLUSTER_PROVIDERS } from "@/lib/zod/clusters";
import type { TClusterIdentity } from "@/lib/snapshot/protocol";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export type AgentCluster = { id: string; name: string; created: boolean };

const PROVIDERS = new Set<string>(CLUSTER_PROVIDERS);

function metadataOf(identity: TClusterIdentity, now: Date) {
  const provider = identity.provider.trim().toLowerCase();
  return {
    // The dashboard knows a fixed set of providers; anything else the agent detects is "other".
    provider: PROVIDERS.has(provider) ? provider : provider ? "other" : "unknown",
    region: identity.region ?? null,
    kubernetesVersion: identity.kubernetesVersion,
    nodeCount: identity.nodeCount,
    agentVersion: identity.agentVersion,
    lastSeenAt: now,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

async function createCluster(orgId: string, identity: TClusterIdentity, now: Date): Promise<AgentCluster> {
  const base = (identity.name?.trim() || `cluster-${identity.uid.slice(0, 8)}`).slice(0, 100);
  // A name can be taken by a cluster registered in the dashboard that never pushed: suffix the UID.
  for (const name of [base, `${base}-${identity.uid.slice(0, 8)}`, `${base}-${identity.uid}`]) {
    try {
      const row = await prisma.cluster.create({
        data: { orgId, name, clusterUid: identity.uid, ...metadataOf(identity, now) },
        select: { id: true, name: true },
      });
      return { ...row, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request created this UID's cluster first (concurrent first pushes): use it.
      const existing = await prisma.cluster.findFirst({ where: { orgId, clusterUid: identity.uid }, select: { id: true, name: true } });
      if (existing) return { ...existing, created: false };
    }
  }
  throw new AppError("conflict", `Could not name the new cluster "${base}": the names are taken.`);
}

/**
 * The cluster a manifest belongs to, identified by its kube-system UID within the token's
 * organization. An organization-wide token binds a not-yet-bound cluster of the reported name, or
 * creates the cluster, on its first push; a
 * cluster-scoped token may only push for its own cluster (and binds the UID on first push).
 * Updates the cluster's reported metadata and lastSeenAt.
 */
export async function resolveAgentCluster({ agent, identity, now = new Date() }: { agent: AgentIdentity; identity: TClusterIdentity; now?: Date }): Promise<AgentCluster> {
  const orgId = agent.org.id;
  const byUid = await prisma.cluster.findFirst({ where: { orgId, clusterUid: identity.uid }, select: { id: true, name: true } });

  if (agent.cluster) {
    const scoped = await prisma.cluster.findFirst({ where: { orgId, id: agent.cluster.id }, select: { id: true, name: true, clusterUid: true } });
    if (!scoped) throw new AppError("forbidden", "This agent token's cluster no longer exists.");
    if (scoped.clusterUid && scoped.clusterUid !== identity.uid) {
      throw new AppError(
        "forbidden",
        `This token belongs to cluster "${scoped.name}", which is a different Kubernetes cluster (kube-system UID differs). Use that cluster's own token.`,
      );
    }
    if (byUid && byUid.id !== scoped.id) {
      throw new AppError("conflict", `This Kubernetes cluster already reports as "${byUid.name}"; use that cluster's token.`);
    }
    await prisma.cluster.updateMany({ where: { orgId, id: scoped.id }, data: { clusterUid: identity.uid, ...metadataOf(identity, now) } });
    return { id: scoped.id, name: scoped.name, created: false };
  }

  if (byUid) {
    await prisma.cluster.updateMany({ where: { orgId, id: byUid.id }, data: metadataOf(identity, now) });
    return { ...byUid, created: false };
  }
  // A cluster of that name that nothing has bound yet (registered in the dashboard, or created by an
  // imported scan) is this one: bind its UID rather than creating a look-alike.
  const name = identity.name?.trim();
  if (name) {
    const unbound = await prisma.cluster.findFirst({ where: { orgId, name, clusterUid: null }, select: { id: true, name: true } });
    if (unbound) {
      const bound = await prisma.cluster.updateMany({
        where: { orgId, id: unbound.id, clusterUid: null },
        data: { clusterUid: identity.uid, ...metadataOf(identity, now) },
      });
      if (bound.count === 1) return { ...unbound, created: false };
    }
  }
  return createCluster(orgId, identity, now);
}
