import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { invitationState, type InvitationState } from "@/lib/server/invitations/invitation-state";

export type InvitationListItem = {
  id: string;
  role: Role;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  state: InvitationState;
};

/** The organization's invitations, newest first (links themselves are never shown again). */
export async function listInvitations({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<InvitationListItem[]> {
  const rows = await prisma.invitation.findMany({
    where: { orgId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({ ...r, state: invitationState(r, now) }));
}
