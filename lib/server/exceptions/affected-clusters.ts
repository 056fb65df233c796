import { prisma } from "@/lib/db/client";
import type { ExceptionMatch } from "@/lib/engine/exceptions";

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
}

/** Ids of the organization's clusters an exception's selectors can apply to (by cluster name glob). */
export async function affectedClusterIds(orgId: string, matches: readonly (ExceptionMatch | undefined)[]): Promise<string[]> {
  const clusters = await prisma.cluster.findMany({ where: { orgId, latestSnapshotId: { not: null } }, select: { id: true, name: true } });
  return clusters
    .filter((c) => matches.some((m) => !m?.clusters?.length || m.clusters.some((p) => globToRegExp(p).test(c.name))))
    .map((c) => c.id);
}
