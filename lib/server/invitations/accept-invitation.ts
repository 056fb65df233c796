import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { hashToken } from "@/lib/auth/agent-tokens";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type AcceptedInvitation = { org: { id: string; slug: string; name: string }; role: Role; alreadyMember: boolean };

/**
 * Accepts an invitation link for the signed-in user. Each link works once. A user who is already
 * a member keeps their current role (an invitation never silently changes a role).
 */
export async function acceptInvitation({ token, userId, now = new Date() }: { token: string; userId: string; now?: Date }): Promise<AcceptedInvitation> {
  return prisma.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, orgId: true, role: true, email: true, expiresAt: true, acceptedAt: true, revokedAt: true, org: { select: { id: true, slug: true, name: true } } },
    });
    if (!inv) throw new AppError("not_found", "This invitation link is not valid.");
    if (inv.acceptedAt) throw new AppError("conflict", "This invitation link has already been used.");
    if (inv.revokedAt) throw new AppError("conflict", "This invitation has been revoked.");
    if (inv.expiresAt.getTime() <= now.getTime()) throw new AppError("conflict", "This invitation has expired. Ask for a new link.");

    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("unauthorized", "Sign in to continue.");
    if (inv.email && inv.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError("forbidden", `This invitation is for ${inv.email}. Sign in with that email to accept it.`);
    }

    // Claim the link first: of two concurrent accepts only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { orgId: inv.orgId, id: inv.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invitation link has already been used.");

    const existing = await tx.membership.findFirst({ where: { orgId: inv.orgId, userId }, select: { role: true } });
    if (!existing) await tx.membership.create({ data: { orgId: inv.orgId, userId, role: inv.role } });
    await recordAuditEvent(tx, {
      orgId: inv.orgId,
      actorId: userId,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: inv.id,
      data: { email: user.email, role: existing?.role ?? inv.role, alreadyMember: !!existing },
    });
    return { org: inv.org, role: existing?.role ?? inv.role, alreadyMember: !!existing };
  });
}
