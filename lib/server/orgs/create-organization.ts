import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/api/errors";
import { randomBase62 } from "@/lib/auth/agent-tokens";
import { Role } from "@/lib/generated/prisma/enums";
import { slugify } from "@/lib/zod/orgs";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type CreatedOrganization = { id: string; slug: string; name: string };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** Creates an organization with the user as its OWNER. A requested slug that is taken is a 409;
 *  a slug derived from the name gets a short random suffix instead. */
export async function createOrganization(input: { userId: string; name: string; slug?: string }): Promise<CreatedOrganization> {
  const candidates = input.slug
    ? [input.slug]
    : [slugify(input.name), ...Array.from({ length: 4 }, () => `${slugify(input.name).slice(0, 40)}-${randomBase62(5).toLowerCase()}`)];

  for (const slug of candidates) {
    try {
      return await prisma.$transaction(async (tx) => {
        const org = await tx.organization.create({
          data: { name: input.name, slug, memberships: { create: { userId: input.userId, role: Role.OWNER } } },
          select: { id: true, slug: true, name: true },
        });
        await recordAuditEvent(tx, {
          orgId: org.id,
          actorId: input.userId,
          action: "organization.created",
          targetType: "organization",
          targetId: org.id,
          data: { name: org.name, slug: org.slug },
        });
        return org;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (input.slug) throw new AppError("conflict", `The URL name "${input.slug}" is taken. Choose another.`);
    }
  }
  throw new AppError("conflict", "Could not find a free URL name for this organization. Choose one explicitly.");
}
