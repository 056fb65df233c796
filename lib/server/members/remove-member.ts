import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lockOwnerMemberships } from "@/lib/server/members/lock-owners";

/** Removes a member from the organization. The last OWNER can never be removed. */
export async function removeMember({ orgId, actorId, membershipId }: { orgId: string; actorId: string; membershipId: string }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const owners = await lockOwnerMemberships(tx, orgId);
    const member = await tx.membership.findFirst({
      where: { orgId, id: membershipId },
      select: { id: true, role: true, user: { select: { id: true, email: true } } },
    });
    if (!member) throw new AppError("not_found", "Member not found.");
    if (member.role === "OWNER" && owners.length <= 1) {
      throw new AppError("conflict", "The last owner cannot be removed. Make someone else an owner first.");
    }
    await tx.membership.deleteMany({ where: { orgId, id: member.id } });
    await recordAuditEvent(tx, {
      orgId,
      actorId,
      action: "member.removed",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.user.id, email: member.user.email, role: member.role },
    });
    return { id: member.id };
  });
}
