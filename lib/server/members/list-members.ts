import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type MemberListItem = { id: string; role: Role; createdAt: Date; user: { id: string; email: string; name: string | null } };

/** The organization's members: owners first, then by email. */
export async function listMembers({ orgId }: { orgId: string }): Promise<MemberListItem[]> {
  const members = await prisma.membership.findMany({
    where: { orgId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  const order: Record<Role, number> = { OWNER: 0, ADMIN: 1, VIEWER: 2 };
  return members.sort((a, b) => order[a.role] - order[b.role] || a.user.email.localeCompare(b.user.email));
}
