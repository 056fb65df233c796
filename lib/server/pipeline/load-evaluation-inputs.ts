import { prisma } from "@/lib/db/client";
import { LIBRARY_VERSION } from "@/lib/controls";
import { isActive, type ExceptionMatch, type ExceptionRule } from "@/lib/engine/exceptions";
import { ENGINE_VERSION } from "@/lib/engine/run-scan";
import type { ScanSettings } from "@/lib/engine/settings";
import type { ClusterFacts, K8sObject, NodeInfo } from "@/lib/engine/types";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";

// Node facts older than this describe nodes that are likely gone or reconfigured.
const NODE_FACTS_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type EvaluationInputs = {
  exceptions: ExceptionRule[];
  settings: Partial<ScanSettings>;
  nodes: NodeInfo[];
  cluster: ClusterFacts;
  /** Hashes of the node facts used, for the fingerprint. */
  nodeHashes: string[];
};

export function exceptionRuleOf(row: { id: string; controlIds: string[]; match: unknown; reason: string; owner: string | null; expiresAt: Date | null }): ExceptionRule {
  return {
    id: row.id,
    controlIds: row.controlIds,
    match: (row.match && typeof row.match === "object" ? row.match : {}) as ExceptionMatch,
    reason: row.reason,
    owner: row.owner ?? undefined,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
  };
}

/**
 * Everything besides the objects that the engine needs for one cluster: the organization's
 * exceptions and settings, the cluster's facts and its recent NodeInfos (limited to nodes present
 * in the snapshot when it lists Node objects).
 */
export async function loadEvaluationInputs({ orgId, clusterId, objects, at }: { orgId: string; clusterId: string; objects: readonly K8sObject[]; at: Date }): Promise<EvaluationInputs> {
  const [cluster, exceptionRows, settingsRow, nodeRows] = await Promise.all([
    prisma.cluster.findFirstOrThrow({ where: { orgId, id: clusterId }, select: { name: true, provider: true, kubernetesVersion: true } }),
    prisma.controlException.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } }),
    prisma.organizationSettings.findUnique({ where: { orgId }, select: { scanSettings: true } }),
    prisma.nodeFacts.findMany({
      where: { orgId, clusterId, receivedAt: { gte: new Date(at.getTime() - NODE_FACTS_MAX_AGE_MS) } },
      orderBy: { nodeName: "asc" },
      select: { nodeName: true, hash: true, body: true },
    }),
  ]);
  const nodeNames = new Set(objects.filter((o) => o.kind === "Node").map((o) => o.metadata?.name));
  const usable = nodeNames.size ? nodeRows.filter((n) => nodeNames.has(n.nodeName)) : nodeRows;
  const settings = settingsRow?.scanSettings && typeof settingsRow.scanSettings === "object" ? (settingsRow.scanSettings as Partial<ScanSettings>) : {};
  return {
    exceptions: exceptionRows.map(exceptionRuleOf),
    settings,
    nodes: usable.map((n) => n.body as unknown as NodeInfo),
    nodeHashes: usable.map((n) => n.hash),
    cluster: { name: cluster.name, provider: cluster.provider, kubernetesVersion: cluster.kubernetesVersion ?? undefined },
  };
}

/**
 * Everything that decides an evaluation's result, hashed: two snapshots with the same fingerprint
 * score identically, so the second reuses the first's results without running the engine.
 */
export function evaluationFingerprint(manifestDigest: string, inputs: EvaluationInputs, at: Date): string {
  const activeExceptions = inputs.exceptions.filter((e) => isActive(e, at)).map((e) => ({ id: e.id, controlIds: e.controlIds, match: e.match }));
  return sha256Hex(
    canonicalJson({
      manifestDigest,
      nodes: inputs.nodeHashes,
      exceptions: activeExceptions,
      settings: inputs.settings,
      cluster: inputs.cluster,
      library: LIBRARY_VERSION,
      engine: ENGINE_VERSION,
    }),
  );
}
