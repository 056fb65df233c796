import { prisma } from "@/lib/db/client";

/** The user id linked to an OAuth identity, if any. */
export async function findUserIdByAccount(provider: string, providerAccountId: string): Promise<string | null> {
  const account = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}
