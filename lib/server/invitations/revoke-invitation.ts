import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Revokes a pending invitation so its link stops working. */
export async function revokeInvitation({ orgId, actorId, invitationId }: { orgId: string; actorId: string; invitationId: string }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { orgId, id: invitationId }, select: { id: true, acceptedAt: true, revokedAt: true, role: true, email: true } });
    if (!inv) throw new AppError("not_found", "Invitation not found.");
    if (inv.acceptedAt) throw new AppError("conflict", "This invitation was already accepted; remove the member instead.");
    if (inv.revokedAt) return { id: inv.id };
    await tx.invitation.updateMany({ where: { orgId, id: inv.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { orgId, actorId, action: "invitation.revoked", targetType: "invitation", targetId: inv.id, data: { role: inv.role, email: inv.email } });
    return { id: inv.id };
  });
}
