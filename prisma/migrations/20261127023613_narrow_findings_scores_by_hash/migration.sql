-- Finding intervals get narrow (issue #5: a 10,000-object snapshot opens ~280,000 of them): the
-- natural key becomes the primary key (no surrogate id), the message moves to FindingMessage (stored
-- once per organization, referenced by a 64-bit hash), the snapshot ids and the foreign key to
-- Cluster go, and only the indexes a reader needs remain. The framework scores and failed-by-severity
-- counts of a snapshot move into its content-addressed ControlScores row, so the new snapshot of an
-- unchanged cluster refers to the existing scores instead of copying them.
-- Existing data is carried over. Hashes computed here are consistent among themselves (a later
-- evaluation of identical content may store it once more under the hash the application computes).
-- No semicolons or quotes in these comments: the migration runner splits the script on them.

-- CreateTable
CREATE TABLE "FindingMessage" (
    "orgId" TEXT NOT NULL,
    "hash" BIGINT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingMessage_pkey" PRIMARY KEY ("orgId","hash")
);

-- AlterTable
ALTER TABLE "ControlScores" ADD COLUMN     "failedBySeverity" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "frameworkScores" JSONB NOT NULL DEFAULT '{}';

-- Scores: one ControlScores row per distinct (counts, framework scores, failed by severity).
CREATE TEMPORARY TABLE "_snapshot_scores" AS
SELECT s."id", s."orgId", coalesce(cs."counts", '{}'::jsonb) AS "counts", s."frameworkScores", s."failedBySeverity",
       encode(sha256(convert_to(coalesce(cs."counts", '{}'::jsonb)::text || '|' || s."frameworkScores"::text || '|' || s."failedBySeverity"::text, 'UTF8')), 'hex') AS "hash"
  FROM "Snapshot" s
  LEFT JOIN "ControlScores" cs ON cs."orgId" = s."orgId" AND cs."hash" = s."controlScoresHash"
 WHERE s."controlScoresHash" IS NOT NULL OR s."frameworkScores" <> '{}'::jsonb OR s."failedBySeverity" <> '{}'::jsonb;

INSERT INTO "ControlScores" ("orgId", "hash", "counts", "frameworkScores", "failedBySeverity")
SELECT DISTINCT ON ("orgId", "hash") "orgId", "hash", "counts", "frameworkScores", "failedBySeverity" FROM "_snapshot_scores"
ON CONFLICT ("orgId", "hash") DO NOTHING;

UPDATE "Snapshot" s SET "controlScoresHash" = t."hash" FROM "_snapshot_scores" t WHERE s."id" = t."id";

DELETE FROM "ControlScores" cs
 WHERE NOT EXISTS (SELECT 1 FROM "Snapshot" s WHERE s."orgId" = cs."orgId" AND s."controlScoresHash" = cs."hash");

DROP TABLE "_snapshot_scores";

-- Messages: the hash is the first 64 bits of sha256(message) read as a signed big-endian integer,
-- as lib/server/pipeline/finding-messages.ts computes it.
ALTER TABLE "Finding" ADD COLUMN "messageHash" BIGINT;

UPDATE "Finding" SET "messageHash" = ('x' || encode(substring(sha256(convert_to("message", 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint;

INSERT INTO "FindingMessage" ("orgId", "hash", "text")
SELECT DISTINCT ON ("orgId", "messageHash") "orgId", "messageHash", "message" FROM "Finding"
ON CONFLICT ("orgId", "hash") DO NOTHING;

ALTER TABLE "Finding" ALTER COLUMN "messageHash" SET NOT NULL;

-- Open intervals are last seen by the latest evaluation of their cluster, only closed ones keep a date.
ALTER TABLE "Finding" ALTER COLUMN "lastSeenAt" DROP NOT NULL;

UPDATE "Finding" SET "lastSeenAt" = NULL WHERE "resolvedAt" IS NULL;

-- DropForeignKey
ALTER TABLE "Finding" DROP CONSTRAINT "Finding_clusterId_fkey";

-- DropIndex
DROP INDEX "Finding_clusterId_controlId_resourceKey_occurrence_key";

-- DropIndex
DROP INDEX "Finding_orgId_clusterId_resolvedAt_idx";

-- DropIndex
DROP INDEX "Finding_orgId_firstSeenAt_idx";

-- DropIndex
DROP INDEX "Finding_orgId_resolvedAt_idx";

-- AlterTable
ALTER TABLE "Finding" DROP CONSTRAINT "Finding_pkey",
DROP COLUMN "id",
DROP COLUMN "message",
DROP COLUMN "openedSnapshotId",
DROP COLUMN "resolvedSnapshotId",
ADD CONSTRAINT "Finding_pkey" PRIMARY KEY ("clusterId", "controlId", "resourceKey", "occurrence");

-- AlterTable
ALTER TABLE "Snapshot" DROP COLUMN "failedBySeverity",
DROP COLUMN "frameworkScores";

-- CreateIndex
CREATE INDEX "Finding_orgId_clusterId_firstSeenAt_idx" ON "Finding"("orgId", "clusterId", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Finding_orgId_clusterId_resolvedAt_idx" ON "Finding"("orgId", "clusterId", "resolvedAt") WHERE ("resolvedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Finding_orgId_exceptionId_idx" ON "Finding"("orgId", "exceptionId") WHERE ("resolvedAt" IS NULL AND "exceptionId" IS NOT NULL);
