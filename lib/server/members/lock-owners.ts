import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks the organization's OWNER memberships for the rest of the transaction and returns their
 * ids. Two owners demoting or removing each other at the same moment then run one after the
 * other, so the "never zero owners" check cannot be raced.
 */
export async function lockOwnerMemberships(tx: Prisma.TransactionClient, orgId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Membership" WHERE "orgId" = ${orgId} AND "role" = 'OWNER' ORDER BY "id" FOR UPDATE`;
  return rows.map((r) => r.id);
}
