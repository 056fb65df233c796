/*
  Warnings:

  - A unique constraint covering the columns `[orgId,clusterId,idempotencyKey]` on the table `Snapshot` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "latestEvaluatedAt" TIMESTAMP(3),
ADD COLUMN     "latestSnapshotId" TEXT;

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "controlScoresHash" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "evaluatedAt" TIMESTAMP(3),
ADD COLUMN     "failingResources" INTEGER,
ADD COLUMN     "idempotencyKey" TEXT,
ADD COLUMN     "inputFingerprint" TEXT,
ADD COLUMN     "libraryVersion" TEXT,
ADD COLUMN     "manifestDigest" TEXT,
ADD COLUMN     "objectsAdded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "objectsChanged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "objectsRemoved" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ObjectBlob" (
    "orgId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObjectBlob_pkey" PRIMARY KEY ("orgId","hash")
);

-- CreateTable
CREATE TABLE "PendingManifest" (
    "snapshotId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "objectCount" INTEGER NOT NULL,
    "manifest" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingManifest_pkey" PRIMARY KEY ("snapshotId")
);

-- CreateTable
CREATE TABLE "ClusterObject" (
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastChangedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterObject_pkey" PRIMARY KEY ("clusterId","key")
);

-- CreateTable
CREATE TABLE "ObjectChange" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "change" TEXT NOT NULL,
    "oldHash" TEXT,
    "newHash" TEXT,

    CONSTRAINT "ObjectChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlScores" (
    "orgId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ControlScores_pkey" PRIMARY KEY ("orgId","hash")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "resourceKey" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "openedSnapshotId" TEXT NOT NULL,
    "resolvedSnapshotId" TEXT,
    "exceptionId" TEXT,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterDailyScore" (
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "snapshotCount" INTEGER NOT NULL DEFAULT 1,
    "frameworkScores" JSONB NOT NULL,
    "failedBySeverity" JSONB NOT NULL,
    "failingResources" INTEGER NOT NULL,
    "objectCount" INTEGER NOT NULL,

    CONSTRAINT "ClusterDailyScore_pkey" PRIMARY KEY ("clusterId","day")
);

-- CreateTable
CREATE TABLE "NodeFacts" (
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "nodeName" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NodeFacts_pkey" PRIMARY KEY ("clusterId","nodeName")
);

-- CreateTable
CREATE TABLE "ControlException" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "controlIds" TEXT[],
    "match" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "owner" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastMatchedAt" TIMESTAMP(3),

    CONSTRAINT "ControlException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationSettings" (
    "orgId" TEXT NOT NULL,
    "scanSettings" JSONB NOT NULL DEFAULT '{}',
    "retentionDays" INTEGER NOT NULL DEFAULT 400,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE INDEX "PendingManifest_orgId_idx" ON "PendingManifest"("orgId");

-- CreateIndex
CREATE INDEX "ClusterObject_orgId_clusterId_kind_idx" ON "ClusterObject"("orgId", "clusterId", "kind");

-- CreateIndex
CREATE INDEX "ObjectChange_orgId_clusterId_at_idx" ON "ObjectChange"("orgId", "clusterId", "at");

-- CreateIndex
CREATE INDEX "ObjectChange_snapshotId_idx" ON "ObjectChange"("snapshotId");

-- CreateIndex
CREATE INDEX "Finding_orgId_clusterId_resolvedAt_idx" ON "Finding"("orgId", "clusterId", "resolvedAt");

-- CreateIndex
CREATE INDEX "Finding_orgId_firstSeenAt_idx" ON "Finding"("orgId", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Finding_orgId_resolvedAt_idx" ON "Finding"("orgId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_clusterId_controlId_resourceKey_occurrence_key" ON "Finding"("clusterId", "controlId", "resourceKey", "occurrence");

-- CreateIndex
CREATE INDEX "ClusterDailyScore_orgId_day_idx" ON "ClusterDailyScore"("orgId", "day");

-- CreateIndex
CREATE INDEX "NodeFacts_orgId_idx" ON "NodeFacts"("orgId");

-- CreateIndex
CREATE INDEX "ControlException_orgId_idx" ON "ControlException"("orgId");

-- CreateIndex
CREATE INDEX "Snapshot_status_createdAt_idx" ON "Snapshot"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Snapshot_orgId_clusterId_idempotencyKey_key" ON "Snapshot"("orgId", "clusterId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "ObjectBlob" ADD CONSTRAINT "ObjectBlob_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingManifest" ADD CONSTRAINT "PendingManifest_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterObject" ADD CONSTRAINT "ClusterObject_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectChange" ADD CONSTRAINT "ObjectChange_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterDailyScore" ADD CONSTRAINT "ClusterDailyScore_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeFacts" ADD CONSTRAINT "NodeFacts_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlException" ADD CONSTRAINT "ControlException_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
