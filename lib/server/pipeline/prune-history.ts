import { prisma } from "@/lib/db/client";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_DAYS = 400;
// A push takes minutes; a manifest still pending a day later was abandoned by its agent.
const ABANDONED_PENDING_MS = DAY_MS;
// Bodies younger than this may belong to a push in progress (uploaded, not yet completed).
const BLOB_GRACE_MS = 2 * DAY_MS;

export type PruneResult = { organizations: number; snapshots: number; changes: number; findings: number; messages: number; blobs: number; controlScores: number; abandoned: number };

/**
 * Retention: per organization, deletes raw snapshot-level rows older than its retention (snapshots
 * except each cluster's latest, change events, closed finding intervals) and then the object bodies,
 * score sets and finding messages nothing references any more. Daily roll-ups are kept for long trends.
 */
export async function pruneHistory({ now = new Date() }: { now?: Date } = {}): Promise<PruneResult> {
  const result: PruneResult = { organizations: 0, snapshots: 0, changes: 0, findings: 0, messages: 0, blobs: 0, controlScores: 0, abandoned: 0 };
  result.abandoned = await prisma.$executeRaw`
    DELETE FROM "Snapshot" WHERE "status" = 'pending' AND "createdAt" < ${new Date(now.getTime() - ABANDONED_PENDING_MS)}`;
  const orgs = await prisma.organization.findMany({ select: { id: true, settings: { select: { retentionDays: true } } } });
  for (const org of orgs) {
    const orgId = org.id;
    const cutoff = new Date(now.getTime() - (org.settings?.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS);
    result.organizations++;
    result.snapshots += await prisma.$executeRaw`
      DELETE FROM "Snapshot" s WHERE s."orgId" = ${orgId} AND s."collectedAt" < ${cutoff} AND s."status" IN ('complete', 'failed')
         AND NOT EXISTS (SELECT 1 FROM "Cluster" c WHERE c."orgId" = ${orgId} AND c."latestSnapshotId" = s."id")`;
    // Provenance of imported snapshots goes with the snapshot it described.
    await prisma.$executeRaw`
      DELETE FROM "ScanImport" i WHERE i."orgId" = ${orgId}
         AND NOT EXISTS (SELECT 1 FROM "Snapshot" s WHERE s."id" = i."snapshotId")`;
    result.changes += await prisma.$executeRaw`DELETE FROM "ObjectChange" WHERE "orgId" = ${orgId} AND "at" < ${cutoff}`;
    result.findings += await prisma.$executeRaw`DELETE FROM "Finding" WHERE "orgId" = ${orgId} AND "resolvedAt" < ${cutoff}`;

    // A queued snapshot's bodies are referenced only by its (compressed) manifest: leave the
    // organization's bodies alone until its queue is drained.
    const waiting = await prisma.snapshot.count({ where: { orgId, status: { in: ["pending", "queued"] }, createdAt: { lt: new Date(now.getTime() - BLOB_GRACE_MS) } } });
    if (waiting === 0) {
      result.blobs += await prisma.$executeRaw`
        DELETE FROM "ObjectBlob" b USING (
          SELECT "hash" FROM "ObjectBlob" WHERE "orgId" = ${orgId} AND "createdAt" < ${new Date(now.getTime() - BLOB_GRACE_MS)}
          EXCEPT SELECT "hash" FROM "ClusterObject" WHERE "orgId" = ${orgId}
          EXCEPT SELECT "oldHash" FROM "ObjectChange" WHERE "orgId" = ${orgId} AND "oldHash" IS NOT NULL
          EXCEPT SELECT "newHash" FROM "ObjectChange" WHERE "orgId" = ${orgId} AND "newHash" IS NOT NULL
        ) dead
        WHERE b."orgId" = ${orgId} AND b."hash" = dead."hash"`;
    }
    // A message is referenced by hash only: one anti-join over the organization's intervals.
    result.messages += await prisma.$executeRaw`
      DELETE FROM "FindingMessage" m WHERE m."orgId" = ${orgId} AND m."createdAt" < ${new Date(now.getTime() - BLOB_GRACE_MS)}
         AND NOT EXISTS (SELECT 1 FROM "Finding" f WHERE f."orgId" = ${orgId} AND f."messageHash" = m."hash")`;
    result.controlScores += await prisma.$executeRaw`
      DELETE FROM "ControlScores" cs WHERE cs."orgId" = ${orgId} AND cs."createdAt" < ${new Date(now.getTime() - BLOB_GRACE_MS)}
         AND NOT EXISTS (SELECT 1 FROM "Snapshot" s WHERE s."orgId" = ${orgId} AND s."controlScoresHash" = cs."hash")`;
  }
  return result;
}
