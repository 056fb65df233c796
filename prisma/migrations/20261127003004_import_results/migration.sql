-- CreateTable
CREATE TABLE "ScanImport" (
    "snapshotId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "toolVersion" TEXT,
    "reportId" TEXT,
    "bodyHash" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "unmappedControls" JSONB NOT NULL DEFAULT '[]',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanImport_pkey" PRIMARY KEY ("snapshotId")
);

-- CreateTable
CREATE TABLE "ImageVulnerabilityReport" (
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "imageKey" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "scanner" TEXT NOT NULL,
    "scannerVersion" TEXT,
    "scannedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "vulnerabilityCount" INTEGER NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "ImageVulnerabilityReport_pkey" PRIMARY KEY ("clusterId","imageKey")
);

-- CreateIndex
CREATE INDEX "ScanImport_orgId_clusterId_createdAt_idx" ON "ScanImport"("orgId", "clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "ImageVulnerabilityReport_orgId_clusterId_idx" ON "ImageVulnerabilityReport"("orgId", "clusterId");

-- AddForeignKey
ALTER TABLE "ScanImport" ADD CONSTRAINT "ScanImport_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageVulnerabilityReport" ADD CONSTRAINT "ImageVulnerabilityReport_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
