import { prisma } from "@/lib/db/client";
import { generateInvitationToken } from "@/lib/auth/invitation-tokens";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export const DEFAULT_INVITATION_DAYS = 7;

export type CreatedInvitation = { id: string; role: Role; email: string | null; expiresAt: Date; token: string; url: string };

/** Creates an invitation link with a role. The link's token is returned once; only its hash is kept. */
export async function createInvitation({
  orgId,
  actorId,
  role,
  email,
  expiresInDays = DEFAULT_INVITATION_DAYS,
  baseUrl,
  now = new Date(),
}: {
  orgId: string;
  actorId: string;
  role: Role;
  email?: string;
  expiresInDays?: number;
  baseUrl: string;
  now?: Date;
}): Promise<CreatedInvitation> {
  const { token, tokenHash } = generateInvitationToken();
  const invitation = await prisma.$transaction(async (tx) => {
    const row = await tx.invitation.create({
      data: { orgId, role, email: email ?? null, tokenHash, createdById: actorId, expiresAt: new Date(now.getTime() + expiresInDays * 86_400_000) },
      select: { id: true, role: true, email: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      orgId,
      actorId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: row.id,
      data: { role: row.role, email: row.email, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
  return { ...invitation, token, url: `${baseUrl.replace(/\/+$/, "")}/invite/${token}` };
}
