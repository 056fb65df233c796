import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import type { TRegisterCluster } from "@/lib/zod/clusters";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { createAgentTokenInTransaction, type IssuedAgentToken } from "@/lib/server/tokens/create-agent-token";

export type RegisteredCluster = {
  cluster: { id: string; name: string; provider: string; environment: string; region: string | null; labels: Record<string, string>; createdAt: Date };
  token: IssuedAgentToken;
};

/** Registers a cluster and issues its first cluster-scoped agent token, in one transaction. */
export async function registerCluster({ orgId, actorId, input }: { orgId: string; actorId: string; input: TRegisterCluster }): Promise<RegisteredCluster> {
  const existing = await prisma.cluster.findFirst({ where: { orgId, name: input.name }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A cluster named "${input.name}" is already registered.`);
  try {
    return await prisma.$transaction(async (tx) => {
      const labels = input.labels ?? {};
      const cluster = await tx.cluster.create({
        data: {
          orgId,
          name: input.name,
          provider: input.provider,
          environment: input.environment,
          region: input.region || null,
          labels,
        },
        select: { id: true, name: true, provider: true, environment: true, region: true, createdAt: true },
      });
      await recordAuditEvent(tx, {
        orgId,
        actorId,
        action: "cluster.registered",
        targetType: "cluster",
        targetId: cluster.id,
        data: { name: cluster.name, provider: cluster.provider, environment: cluster.environment },
      });
      const token = await createAgentTokenInTransaction(tx, { orgId, actorId, name: `${cluster.name} agent`, clusterId: cluster.id });
      return { cluster: { ...cluster, labels }, token };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `A cluster named "${input.name}" is already registered.`);
    }
    throw error;
  }
}
