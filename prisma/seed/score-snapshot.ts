// Turns a scan report into the score columns of a Snapshot row, using the real engine.
import { runScan } from "@/lib/engine/run-scan";
import type { ClusterFacts, K8sObject } from "@/lib/engine/types";

export interface SnapshotScores {
  engineVersion: string;
  objectCount: number;
  /** { [frameworkId]: { score, riskScore, passed, failed } } — passed/failed count controls. */
  frameworkScores: Record<string, { score: number | null; riskScore: number; passed: number; failed: number }>;
  failedBySeverity: { critical: number; high: number; medium: number; low: number };
}

export function scoreObjects(objects: readonly K8sObject[], cluster: ClusterFacts, now: Date): SnapshotScores {
  const report = runScan({ objects, cluster, now });
  const frameworkScores: SnapshotScores["frameworkScores"] = {};
  for (const framework of report.frameworks) {
    frameworkScores[framework.id] = {
      score: framework.score,
      riskScore: framework.riskScore,
      passed: framework.counts.passed,
      failed: framework.counts.failed,
    };
  }
  const { critical, high, medium, low } = report.summary.failedBySeverity;
  return {
    engineVersion: report.engineVersion,
    objectCount: report.summary.objects,
    frameworkScores,
    failedBySeverity: { critical, high, medium, low },
  };
}
