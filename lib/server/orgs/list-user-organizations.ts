import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserOrganization = { id: string; slug: string; name: string; role: Role };

/** Organizations the user belongs to, with their role in each, by name. */
export async function listUserOrganizations({ userId }: { userId: string }): Promise<UserOrganization[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, role: m.role }));
}
