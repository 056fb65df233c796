import { prisma } from "@/lib/db/client";
import { hashToken, isWellFormedAgentToken } from "@/lib/auth/agent-tokens";

export type AgentIdentity = {
  tokenId: string;
  tokenPrefix: string;
  tokenName: string;
  org: { id: string; slug: string; name: string };
  cluster: { id: string; name: string } | null;
};

export type AgentAuthFailure = "malformed" | "unknown" | "revoked" | "expired";

// Agents push several requests per snapshot; refreshing lastUsedAt at most once a minute keeps
// authentication from turning every request into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer agent token to its organization (and cluster scope) or says why it is refused. */
export async function authenticateAgentToken(
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true; agent: AgentIdentity } | { ok: false; reason: AgentAuthFailure }> {
  if (!isWellFormedAgentToken(token)) return { ok: false, reason: "malformed" };
  const row = await prisma.agentToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      orgId: true,
      name: true,
      prefix: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      org: { select: { id: true, slug: true, name: true } },
      cluster: { select: { id: true, name: true } },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await prisma.agentToken.updateMany({ where: { orgId: row.orgId, id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    ok: true,
    agent: { tokenId: row.id, tokenPrefix: row.prefix, tokenName: row.name, org: row.org, cluster: row.cluster },
  };
}
