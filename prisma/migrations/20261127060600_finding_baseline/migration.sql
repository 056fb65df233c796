-- Issue #5: maintaining the firstSeenAt index was about a fifth of the Postgres time of a first
-- snapshot (a 10,000-object cluster opens ~280,000 intervals at once, all with one firstSeenAt).
-- The rows opened by the first evaluation of a cluster that found anything are now marked baseline
-- and left out of that index. All baseline rows of a cluster share one firstSeenAt, so a reader
-- whose window contains it reads them through the primary key instead.
-- Existing rows: those with the earliest firstSeenAt of their cluster become baseline.
-- No semicolons or quotes in these comments: the migration runner splits the script on them.

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "baseline" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Finding" AS f SET "baseline" = true
  FROM (SELECT "clusterId", min("firstSeenAt") AS "at" FROM "Finding" GROUP BY 1) AS earliest
 WHERE f."clusterId" = earliest."clusterId" AND f."firstSeenAt" = earliest."at";

-- DropIndex
DROP INDEX "Finding_orgId_clusterId_firstSeenAt_idx";

-- CreateIndex
CREATE INDEX "Finding_orgId_clusterId_firstSeenAt_idx" ON "Finding"("orgId", "clusterId", "firstSeenAt") WHERE NOT "baseline";
