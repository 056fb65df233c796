import { prisma } from "@/lib/db/client";
import { runScan } from "@/lib/engine/run-scan";
import { compactScores } from "./compact-scores";
import type { EvaluateOptions } from "./evaluate-snapshot";
import { evaluationFingerprint, loadEvaluationInputs } from "./load-evaluation-inputs";
import { loadObjectBodies } from "./load-object-bodies";
import { applyFindingIntervals, lockCluster, storeControlScores, touchMatchedExceptions, upsertDailyScore } from "./write-evaluation";

export type RescoreOutcome = { outcome: "rescored"; snapshotId: string; opened: number; closed: number } | { outcome: "skipped"; reason: string };

/**
 * Re-scores a cluster's latest evaluated snapshot with today's library, exceptions and settings
 * (after a library upgrade or an exception change), updating its scores, its day's roll-up and the
 * open finding intervals in one transaction. The objects are the cluster's current state, which is
 * exactly that snapshot's objects. Snapshots written outside the pipeline (no evaluatedAt) are left alone.
 */
export async function rescoreCluster({ orgId, clusterId, now = new Date(), ...options }: { orgId: string; clusterId: string; now?: Date } & Pick<EvaluateOptions, "scan">): Promise<RescoreOutcome> {
  const cluster = await prisma.cluster.findFirst({ where: { orgId, id: clusterId }, select: { latestSnapshotId: true } });
  if (!cluster?.latestSnapshotId) return { outcome: "skipped", reason: "the cluster has no evaluated snapshot" };
  const latest = await prisma.snapshot.findFirst({
    where: { orgId, id: cluster.latestSnapshotId, status: "complete", evaluatedAt: { not: null } },
    select: { id: true, collectedAt: true, manifestDigest: true },
  });
  if (!latest?.manifestDigest) return { outcome: "skipped", reason: "the latest snapshot was not produced by the pipeline" };

  const state = await prisma.$queryRaw<{ key: string; hash: string }[]>`SELECT "key", "hash" FROM "ClusterObject" WHERE "clusterId" = ${clusterId}`;
  const entries = state.map((o): [string, string] => [o.key, o.hash]);
  const objects = await loadObjectBodies(orgId, entries);
  const inputs = await loadEvaluationInputs({ orgId, clusterId, objects, at: now });
  const report = (options.scan ?? runScan)({ objects, nodes: inputs.nodes, settings: inputs.settings, exceptions: inputs.exceptions, cluster: inputs.cluster, now });
  const scores = compactScores(report);
  const fingerprint = evaluationFingerprint(latest.manifestDigest, inputs, now);

  return prisma.$transaction(
    async (tx) => {
      const locked = await lockCluster(tx, orgId, clusterId);
      // A newer evaluation already used today's library and exceptions.
      if (locked.latestSnapshotId !== latest.id) return { outcome: "skipped" as const, reason: "a newer snapshot was evaluated meanwhile" };
      await storeControlScores(tx, orgId, scores);
      const { opened, closed } = await applyFindingIntervals(tx, { orgId, clusterId, at: latest.collectedAt, lastSeenAt: latest.collectedAt, failing: scores.failing });
      await touchMatchedExceptions(tx, orgId, report.summary.exceptionsApplied, now);
      await tx.snapshot.update({
        where: { id: latest.id },
        data: {
          evaluatedAt: new Date(),
          inputFingerprint: fingerprint,
          controlScoresHash: scores.controlScoresHash,
          failingResources: scores.failing.size,
          libraryVersion: report.libraryVersion,
          engineVersion: report.engineVersion,
        },
      });
      await upsertDailyScore(tx, { orgId, clusterId, snapshotId: latest.id, collectedAt: latest.collectedAt, isNewSnapshot: false, scores, failingResources: scores.failing.size });
      return { outcome: "rescored" as const, snapshotId: latest.id, opened, closed };
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
