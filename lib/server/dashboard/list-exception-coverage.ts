import { prisma } from "@/lib/db/client";

export type ExceptionCoverage = {
  /** Per exception id: open findings it currently covers, and the clusters they are in. */
  byException: Record<string, { findings: number; clusters: number }>;
};

/** How much each exception of the organization covers right now (open findings marked with it). */
export async function listExceptionCoverage({ orgId }: { orgId: string }): Promise<ExceptionCoverage> {
  const rows = await prisma.$queryRaw<{ exceptionId: string; findings: bigint; clusters: bigint }[]>`
    SELECT "exceptionId", count(*) AS findings, count(DISTINCT "clusterId") AS clusters FROM "Finding"
     WHERE "orgId" = ${orgId} AND "resolvedAt" IS NULL AND "exceptionId" IS NOT NULL GROUP BY 1`;
  return { byException: Object.fromEntries(rows.map((r) => [r.exceptionId, { findings: Number(r.findings), clusters: Number(r.clusters) }])) };
}
