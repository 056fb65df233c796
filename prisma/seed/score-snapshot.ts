// Turns a scan report into a Snapshot's scores (its ControlScores row), using the real engine.
import { runScan } from "@/lib/engine/run-scan";
import type { ClusterFacts, K8sObject } from "@/lib/engine/types";
import { compactScores, type ScoreSet } from "@/lib/server/pipeline/compact-scores";

export interface SnapshotScores {
  engineVersion: string;
  objectCount: number;
  /** Per-control counts, framework scores ({ [frameworkId]: { score, riskScore, passed, failed } }) and failed by severity. */
  scores: ScoreSet;
  /** ControlScores.hash of `scores`. */
  controlScoresHash: string;
}

export function scoreObjects(objects: readonly K8sObject[], cluster: ClusterFacts, now: Date): SnapshotScores {
  const report = runScan({ objects, cluster, now });
  const { frameworkScores, failedBySeverity, controlCounts, controlScoresHash } = compactScores(report);
  return {
    engineVersion: report.engineVersion,
    objectCount: report.summary.objects,
    scores: { frameworkScores, failedBySeverity, controlCounts },
    controlScoresHash,
  };
}
