import { AppError } from "@/lib/api/errors";
import { prisma } from "@/lib/db/client";
import type { ReportFinding } from "@/lib/engine/report";
import { runScan } from "@/lib/engine/run-scan";
import { resourceKeyOf } from "@/lib/server/pipeline/compact-scores";
import { loadEvaluationInputs } from "@/lib/server/pipeline/load-evaluation-inputs";
import { loadObjectBodies } from "@/lib/server/pipeline/load-object-bodies";

export type EvidenceFinding = {
  controlId: string;
  resourceKey: string;
  message: string;
  /** JSON paths at fault, in Kubescape's notation. */
  paths: string[];
  fixPaths: { path: string; value: string }[];
  fix: string;
  exceptionId: string | null;
};

export type CurrentStateEvidence = {
  clusterId: string;
  /** The evaluation the objects come from (the cluster's current state). */
  snapshotId: string | null;
  collectedAt: Date | null;
  libraryVersion: string;
  findings: EvidenceFinding[];
};

function evidenceOf(f: ReportFinding): EvidenceFinding {
  return { controlId: f.controlId, resourceKey: resourceKeyOf(f), message: f.message, paths: f.paths, fixPaths: f.fixPaths, fix: f.fix, exceptionId: f.exceptionId ?? null };
}

/**
 * Findings with their JSON paths for some controls on a cluster's current objects. The pipeline
 * keeps findings as intervals without paths (paths change with every edit of an object); they are
 * recomputed here by the same engine, from the same stored objects and node facts as the cluster's
 * latest evaluation and today's exceptions (as a re-score would), only for the controls asked for. `resourceKeys` narrows the answer.
 */
export async function evaluateCurrentState({
  orgId,
  clusterId,
  controlIds,
  resourceKeys,
  now = new Date(),
}: {
  orgId: string;
  clusterId: string;
  controlIds: string[];
  resourceKeys?: string[];
  now?: Date;
}): Promise<CurrentStateEvidence> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { id: true, latestSnapshotId: true, latestEvaluatedAt: true } });
  if (!cluster) throw new AppError("not_found", "Cluster not found.");
  const state = await prisma.$queryRaw<{ key: string; hash: string }[]>`SELECT "key", "hash" FROM "ClusterObject" WHERE "clusterId" = ${clusterId} AND "orgId" = ${orgId}`;
  if (!state.length || !controlIds.length) {
    return { clusterId, snapshotId: cluster.latestSnapshotId, collectedAt: cluster.latestEvaluatedAt, libraryVersion: "", findings: [] };
  }
  const objects = await loadObjectBodies(orgId, state.map((o): [string, string] => [o.key, o.hash]));
  const at = cluster.latestEvaluatedAt ?? now;
  const inputs = await loadEvaluationInputs({ orgId, clusterId, objects, at });
  const report = runScan({ objects, nodes: inputs.nodes, settings: inputs.settings, exceptions: inputs.exceptions, cluster: inputs.cluster, controlIds, now });
  const wanted = resourceKeys ? new Set(resourceKeys) : null;
  const findings = report.findings.map(evidenceOf).filter((f) => !wanted || wanted.has(f.resourceKey));
  return { clusterId, snapshotId: cluster.latestSnapshotId, collectedAt: cluster.latestEvaluatedAt, libraryVersion: report.libraryVersion, findings };
}
