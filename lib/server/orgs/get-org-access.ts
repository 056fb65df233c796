import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type OrgAccess = { org: { id: string; slug: string; name: string }; role: Role; membershipId: string };

/** The user's membership in the organization with this slug, or null when they are not a member. */
export async function getOrgAccess({ userId, slug }: { userId: string; slug: string }): Promise<OrgAccess | null> {
  const membership = await prisma.membership.findFirst({
    where: { userId, org: { slug } },
    select: { id: true, role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) return null;
  return { org: membership.org, role: membership.role, membershipId: membership.id };
}
