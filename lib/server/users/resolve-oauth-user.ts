import { prisma } from "@/lib/db/client";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  // Only an identity provider's explicit email_verified=true lets us attach the identity to an
  // existing account with the same email; otherwise anyone who can register that address at
  // some provider could take over the account.
  emailVerified: boolean;
  name: string | null | undefined;
};

export type OAuthResolution =
  | { ok: true; userId: string; created: boolean }
  | { ok: false; reason: "missing_email" | "email_taken" };

/** Finds the user linked to an OAuth/OIDC identity, links it by verified email, or creates a user. */
export async function resolveOAuthUser(identity: OAuthIdentity): Promise<OAuthResolution> {
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return { ok: true, userId: linked.userId, created: false };

  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "missing_email" };

  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    if (!identity.emailVerified) return { ok: false, reason: "email_taken" };
    await prisma.account.create({
      data: { userId: existing.id, provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return { ok: true, userId: existing.id, created: false };
  }

  const user = await prisma.user.create({
    data: {
      email,
      name: identity.name?.trim() || null,
      accounts: { create: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    },
    select: { id: true },
  });
  return { ok: true, userId: user.id, created: true };
}
