import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { Severity } from "@/lib/engine/types";
import { controlFacts } from "./control-facts";
import { evaluateCurrentState, type EvidenceFinding } from "./evaluate-current-state";

export type ClusterObjectDetail = {
  key: string;
  /** The stored (normalized, redacted) body; null for RBAC subjects and the cluster, which are not objects. */
  body: unknown;
  hash: string | null;
  firstSeenAt: Date | null;
  lastChangedAt: Date | null;
  findings: (EvidenceFinding & { controlName: string; severity: Severity; firstSeenAt: Date | null; occurrence: number })[];
  /** Recent change events of the object, newest first. */
  changes: { at: Date; change: string; snapshotId: string }[];
};

/** One object of the cluster's current state (or an RBAC subject / the cluster): its body, open findings with JSON paths, and change history. */
export async function getClusterObject({ orgId, clusterId, key }: { orgId: string; clusterId: string; key: string }): Promise<ClusterObjectDetail> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const [object, open, changes] = await Promise.all([
    prisma.clusterObject.findFirst({ where: { orgId, clusterId, key }, select: { hash: true, firstSeenAt: true, lastChangedAt: true } }),
    prisma.finding.findMany({ where: { orgId, clusterId, resourceKey: key, resolvedAt: null }, select: { controlId: true, firstSeenAt: true, occurrence: true } }),
    prisma.objectChange.findMany({ where: { orgId, clusterId, key }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 50, select: { at: true, change: true, snapshotId: true } }),
  ]);
  if (!object && !open.length) throw new AppError("not_found", `No object ${key} in this cluster's current state.`);
  const blob = object ? await prisma.objectBlob.findUnique({ where: { orgId_hash: { orgId, hash: object.hash } }, select: { body: true } }) : null;
  const evidence = open.length ? await evaluateCurrentState({ orgId, clusterId, controlIds: [...new Set(open.map((f) => f.controlId))], resourceKeys: [key] }) : null;
  const opened = new Map(open.map((f) => [f.controlId, f]));
  return {
    key,
    body: blob?.body ?? null,
    hash: object?.hash ?? null,
    firstSeenAt: object?.firstSeenAt ?? null,
    lastChangedAt: object?.lastChangedAt ?? null,
    findings: (evidence?.findings ?? []).map((f) => {
      const facts = controlFacts(f.controlId);
      return { ...f, controlName: facts.name, severity: facts.severity, firstSeenAt: opened.get(f.controlId)?.firstSeenAt ?? null, occurrence: opened.get(f.controlId)?.occurrence ?? 1 };
    }),
    changes,
  };
}
