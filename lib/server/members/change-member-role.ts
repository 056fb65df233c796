import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lockOwnerMemberships } from "@/lib/server/members/lock-owners";

/** Changes a member's role. The organization always keeps at least one OWNER. */
export async function changeMemberRole({
  orgId,
  actorId,
  membershipId,
  role,
}: {
  orgId: string;
  actorId: string;
  membershipId: string;
  role: Role;
}): Promise<{ id: string; role: Role }> {
  return prisma.$transaction(async (tx) => {
    const owners = await lockOwnerMemberships(tx, orgId);
    const member = await tx.membership.findFirst({
      where: { orgId, id: membershipId },
      select: { id: true, role: true, user: { select: { id: true, email: true } } },
    });
    if (!member) throw new AppError("not_found", "Member not found.");
    if (member.role === role) return { id: member.id, role };
    if (member.role === "OWNER" && owners.length <= 1) {
      throw new AppError("conflict", "An organization needs at least one owner. Make someone else an owner first.");
    }
    await tx.membership.updateMany({ where: { orgId, id: member.id }, data: { role } });
    await recordAuditEvent(tx, {
      orgId,
      actorId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: member.id,
      data: { userId: member.user.id, email: member.user.email, from: member.role, to: role },
    });
    return { id: member.id, role };
  });
}
