import { prisma } from "@/lib/db/client";

const LOOKUP_BATCH = 20_000;

/** The distinct hashes among `hashes` whose bodies the organization does not hold, in first-seen order. */
export async function missingObjectHashes(orgId: string, hashes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(hashes)];
  const present = new Set<string>();
  for (let i = 0; i < unique.length; i += LOOKUP_BATCH) {
    const batch = unique.slice(i, i + LOOKUP_BATCH);
    const rows = await prisma.$queryRaw<{ hash: string }[]>`
      SELECT "hash" FROM "ObjectBlob" WHERE "orgId" = ${orgId} AND "hash" = ANY(${batch}::text[])`;
    for (const row of rows) present.add(row.hash);
  }
  return unique.filter((hash) => !present.has(hash));
}
