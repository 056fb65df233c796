import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_ACTIONS = [
  "organization.created",
  "cluster.registered",
  "agent_token.created",
  "agent_token.revoked",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "member.role_changed",
  "member.removed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEventInput = {
  orgId: string;
  actorId: string | null;
  actorType?: "user" | "agent" | "system";
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonObject;
};

/** Records an audit event inside the caller's transaction, so the event exists iff the change does. */
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      orgId: event.orgId,
      actorId: event.actorId,
      actorType: event.actorType ?? "user",
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      data: event.data ?? {},
    },
  });
}
