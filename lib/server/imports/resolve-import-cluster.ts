import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { AgentIdentity } from "@/lib/server/tokens/authenticate-agent-token";

export type ImportCluster = { id: string; name: string; created: boolean };

/**
 * The cluster an import is attached to. A cluster-scoped token imports into its own cluster (a
 * different explicit name is refused); an organization-wide token names the cluster (explicitly or
 * through the report), which is created when the organization has none of that name.
 * Returns null when an organization-wide token gives no name at all.
 */
export async function resolveImportCluster({
  agent,
  explicitName,
  reportName,
}: {
  agent: AgentIdentity;
  /** `clusterName` of the upload: what the person asked for. */
  explicitName?: string;
  /** The cluster name the report itself carries (Kubescape's context name), used when none was asked for. */
  reportName?: string;
}): Promise<ImportCluster | null> {
  const orgId = agent.org.id;
  if (agent.cluster) {
    const scoped = await prisma.cluster.findFirst({ where: { orgId, id: agent.cluster.id }, select: { id: true, name: true } });
    if (!scoped) throw new AppError("forbidden", "This agent token's cluster no longer exists.");
    // The report's own name (often a kubeconfig context) may differ; an explicit other name is a mistake.
    if (explicitName && explicitName.trim() !== scoped.name) {
      throw new AppError("forbidden", `This token belongs to cluster "${scoped.name}"; it cannot import into "${explicitName.trim()}". Use an organization-wide token or that cluster's own token.`);
    }
    return { ...scoped, created: false };
  }
  const wanted = (explicitName ?? reportName)?.trim().slice(0, 100);
  if (!wanted) return null;
  const existing = await prisma.cluster.findFirst({ where: { orgId, name: wanted }, select: { id: true, name: true } });
  if (existing) return { ...existing, created: false };
  try {
    const row = await prisma.cluster.create({ data: { orgId, name: wanted }, select: { id: true, name: true } });
    return { ...row, created: true };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    // A concurrent import created it first.
    const raced = await prisma.cluster.findFirstOrThrow({ where: { orgId, name: wanted }, select: { id: true, name: true } });
    return { ...raced, created: false };
  }
}

export function clusterRequiredResponse(): Response {
  return Response.json(
    {
      error: {
        code: "cluster_required",
        message: "The report does not name a cluster: pass clusterName (shipshape import … --cluster-name <name>) or use a cluster-scoped token.",
      },
    },
    { status: 422 },
  );
}
