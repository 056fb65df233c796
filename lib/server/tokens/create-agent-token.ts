import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { generateAgentToken } from "@/lib/auth/agent-tokens";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type AgentTokenRecord = {
  id: string;
  name: string;
  prefix: string;
  clusterId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
};

export type IssuedAgentToken = AgentTokenRecord & { token: string };

type CreateAgentTokenInput = {
  orgId: string;
  actorId: string;
  name: string;
  clusterId?: string;
  expiresInDays?: number;
  now?: Date;
};

/** Creates the token inside an existing transaction (cluster registration issues one too). */
export async function createAgentTokenInTransaction(tx: Prisma.TransactionClient, input: CreateAgentTokenInput): Promise<IssuedAgentToken> {
  if (input.clusterId) {
    const cluster = await tx.cluster.findFirst({ where: { orgId: input.orgId, id: input.clusterId }, select: { id: true } });
    if (!cluster) throw new AppError("not_found", "Cluster not found.");
  }
  const now = input.now ?? new Date();
  const { token, tokenHash, prefix } = generateAgentToken();
  const row = await tx.agentToken.create({
    data: {
      orgId: input.orgId,
      clusterId: input.clusterId ?? null,
      name: input.name,
      prefix,
      tokenHash,
      createdById: input.actorId,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    },
    select: { id: true, name: true, prefix: true, clusterId: true, createdAt: true, expiresAt: true },
  });
  await recordAuditEvent(tx, {
    orgId: input.orgId,
    actorId: input.actorId,
    action: "agent_token.created",
    targetType: "agent_token",
    targetId: row.id,
    data: { name: row.name, prefix: row.prefix, clusterId: row.clusterId, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { ...row, token };
}

/** Issues a new agent token for the organization (optionally scoped to one of its clusters). The
 *  plaintext token is returned once and never stored. */
export async function createAgentToken(input: CreateAgentTokenInput): Promise<IssuedAgentToken> {
  return prisma.$transaction((tx) => createAgentTokenInTransaction(tx, input));
}
