-- CreateIndex
CREATE INDEX "Snapshot_orgId_status_clusterId_collectedAt_idx" ON "Snapshot"("orgId", "status", "clusterId", "collectedAt" DESC);
