import { prisma } from "@/lib/db/client";

export type AgentTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  cluster: { id: string; name: string } | null;
  createdAt: Date;
  createdBy: { id: string; email: string; name: string | null } | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "revoked" | "expired";
};

/** The organization's agent tokens (never their secrets), newest first. */
export async function listAgentTokens({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<AgentTokenListItem[]> {
  const tokens = await prisma.agentToken.findMany({
    where: { orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      createdById: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      cluster: { select: { id: true, name: true } },
    },
  });
  const creatorIds = [...new Set(tokens.map((t) => t.createdById).filter((id): id is string => !!id))];
  const creators = creatorIds.length
    ? await prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true, name: true } })
    : [];
  const byId = new Map(creators.map((u) => [u.id, u]));
  return tokens.map(({ createdById, ...t }) => ({
    ...t,
    createdBy: createdById ? byId.get(createdById) ?? null : null,
    state: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active",
  }));
}
