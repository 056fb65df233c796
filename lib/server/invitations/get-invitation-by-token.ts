import { prisma } from "@/lib/db/client";
import { hashToken } from "@/lib/auth/agent-tokens";
import type { Role } from "@/lib/generated/prisma/enums";
import { invitationState, type InvitationState } from "@/lib/server/invitations/invitation-state";

export type InvitationPreview = { org: { name: string; slug: string }; role: Role; email: string | null; expiresAt: Date; state: InvitationState };

/** What an invitation link offers (organization, role, state), for the accept page; null if unknown. */
export async function getInvitationByToken({ token, now = new Date() }: { token: string; now?: Date }): Promise<InvitationPreview | null> {
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { role: true, email: true, expiresAt: true, acceptedAt: true, revokedAt: true, org: { select: { name: true, slug: true } } },
  });
  if (!inv) return null;
  return { org: inv.org, role: inv.role, email: inv.email, expiresAt: inv.expiresAt, state: invitationState(inv, now) };
}
