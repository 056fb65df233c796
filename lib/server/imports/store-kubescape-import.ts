// Stores an imported Kubescape scan as a scored snapshot of a cluster, written like the pipeline's
// evaluations (lib/server/pipeline/write-evaluation.ts): per-snapshot scores, content-addressed
// control counts, finding intervals and the daily roll-up, in one transaction.
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportedScan } from "@/lib/imports";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { compactScores } from "@/lib/server/pipeline/compact-scores";
import { applyFindingIntervals, lockCluster, storeControlScores, upsertDailyScore } from "@/lib/server/pipeline/write-evaluation";

export type StoredKubescapeImport = {
  snapshotId: string;
  clusterId: string;
  /** False when this report had been imported before (same report id, or the same content). */
  created: boolean;
  collectedAt: string;
  /** Older than the cluster's latest snapshot: scores and roll-up stored, current findings untouched. */
  late: boolean;
  opened: number;
  closed: number;
};

const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 300_000 } as const;

/** The idempotency key of an import: Kubescape's report GUID, or else a hash of the report's content. */
export function kubescapeImportKey(imported: ImportedScan, rawReport: unknown): { key: string; bodyHash: string } {
  const bodyHash = sha256Hex(canonicalJson(rawReport));
  return { key: imported.source.reportId ? `kubescape:report:${imported.source.reportId}` : `kubescape:sha256:${bodyHash}`, bodyHash };
}

export async function storeKubescapeImport({
  orgId,
  clusterId,
  imported,
  rawReport,
  tokenId,
}: {
  orgId: string;
  clusterId: string;
  imported: ImportedScan;
  rawReport: unknown;
  /** The agent token that uploaded it (audit log actor). */
  tokenId?: string;
}): Promise<StoredKubescapeImport> {
  const { report, source } = imported;
  const collectedAt = new Date(report.generatedAt);
  const scores = compactScores(report);
  const { key, bodyHash } = kubescapeImportKey(imported, rawReport);

  return prisma.$transaction(async (tx) => {
    // Serializes with the pipeline's evaluations of this cluster: intervals move one writer at a time.
    const locked = await lockCluster(tx, orgId, clusterId);
    const existing = await tx.snapshot.findFirst({ where: { orgId, clusterId, idempotencyKey: key }, select: { id: true, collectedAt: true } });
    if (existing) {
      return { snapshotId: existing.id, clusterId, created: false, collectedAt: existing.collectedAt.toISOString(), late: false, opened: 0, closed: 0 };
    }
    const previous = locked.latestEvaluatedAt;
    const late = !!previous && collectedAt.getTime() < previous.getTime();
    const now = new Date();
    const snapshot = await tx.snapshot.create({
      data: {
        orgId,
        clusterId,
        status: "complete",
        collectedAt,
        completedAt: now,
        evaluatedAt: now,
        idempotencyKey: key,
        engineVersion: report.engineVersion,
        libraryVersion: report.libraryVersion,
        objectCount: report.summary.objects,
        controlScoresHash: scores.controlScoresHash,
        failingResources: scores.failing.size,
        collectionErrors: report.errors as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.scanImport.create({
      data: {
        snapshotId: snapshot.id,
        orgId,
        clusterId,
        tool: source.tool,
        toolVersion: source.version,
        reportId: source.reportId,
        bodyHash,
        target: source.target,
        unmappedControls: imported.unmappedControls as unknown as Prisma.InputJsonValue,
        warnings: imported.warnings,
      },
    });
    await storeControlScores(tx, orgId, scores);
    let opened = 0;
    let closed = 0;
    if (!late) {
      ({ opened, closed } = await applyFindingIntervals(tx, { orgId, clusterId, at: collectedAt, lastSeenAt: previous ?? collectedAt, failing: scores.failing }));
      await tx.cluster.update({
        where: { id: clusterId },
        data: {
          latestSnapshotId: snapshot.id,
          latestEvaluatedAt: collectedAt,
          ...(report.cluster?.kubernetesVersion ? { kubernetesVersion: report.cluster.kubernetesVersion } : {}),
        },
      });
    }
    await upsertDailyScore(tx, { orgId, clusterId, snapshotId: snapshot.id, collectedAt, isNewSnapshot: true, scores, failingResources: scores.failing.size });
    await tx.auditEvent.create({
      data: {
        orgId,
        actorId: tokenId ?? null,
        actorType: "agent",
        action: "cluster.kubescape_imported",
        targetType: "cluster",
        targetId: clusterId,
        data: { snapshotId: snapshot.id, kubescapeVersion: source.version, reportId: source.reportId, collectedAt: collectedAt.toISOString(), late },
      },
    });
    return { snapshotId: snapshot.id, clusterId, created: true, collectedAt: collectedAt.toISOString(), late, opened, closed };
  }, TRANSACTION_OPTIONS);
}
