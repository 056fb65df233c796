import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Revokes one of the organization's tokens; the agent using it is refused from its next request.
 *  Revoking an already revoked token changes nothing and records nothing. */
export async function revokeAgentToken({ orgId, actorId, tokenId }: { orgId: string; actorId: string; tokenId: string }): Promise<{ id: string; revokedAt: Date }> {
  return prisma.$transaction(async (tx) => {
    const token = await tx.agentToken.findFirst({ where: { orgId, id: tokenId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!token) throw new AppError("not_found", "Agent token not found.");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revokedAt = new Date();
    await tx.agentToken.updateMany({ where: { orgId, id: token.id, revokedAt: null }, data: { revokedAt } });
    await recordAuditEvent(tx, {
      orgId,
      actorId,
      action: "agent_token.revoked",
      targetType: "agent_token",
      targetId: token.id,
      data: { name: token.name, prefix: token.prefix },
    });
    return { id: token.id, revokedAt };
  });
}
