import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";

export type AuditEventListItem = {
  id: string;
  action: string;
  actorType: string;
  actor: { id: string; email: string | null; name: string | null } | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  createdAt: Date;
};

export type AuditEventPage = { events: AuditEventListItem[]; nextCursor: string | null };

/** The organization's audit log, newest first, in pages of `limit` (cursor = last event id). */
export async function listAuditEvents({ orgId, cursor, limit = 50 }: { orgId: string; cursor?: string; limit?: number }): Promise<AuditEventPage> {
  if (cursor) {
    // A cursor from another organization must not position this org's page.
    const anchor = await prisma.auditEvent.findFirst({ where: { orgId, id: cursor }, select: { id: true } });
    if (!anchor) throw new AppError("validation_failed", "cursor: not an event of this organization");
  }
  const rows = await prisma.auditEvent.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId as string))];
  const users = userIds.length
    ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    events: page.map((e) => ({
      id: e.id,
      action: e.action,
      actorType: e.actorType,
      actor: e.actorId ? byId.get(e.actorId) ?? { id: e.actorId, email: null, name: null } : null,
      targetType: e.targetType,
      targetId: e.targetId,
      data: e.data,
      createdAt: e.createdAt,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
