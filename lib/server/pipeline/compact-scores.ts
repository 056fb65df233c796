// Turns a ScanReport into what a snapshot keeps: its scores — framework scores (the shape the
// dashboard reads, also written by prisma/seed), failed controls by severity, per-control counts —
// content-addressed together in ControlScores, and the set of failing (control, resource) pairs
// that drive finding intervals.
import type { ScanReport, ReportFinding } from "@/lib/engine/report";
import type { ControlStatus, Severity } from "@/lib/engine/types";
import { canonicalJson, sha256Hex } from "@/lib/snapshot/canonical-json";
import { objectKeyOf } from "@/lib/snapshot/protocol";

export type FrameworkScoreRow = { score: number | null; riskScore: number; passed: number; failed: number };
/** [status, passed resources, failed resources, excepted resources] */
export type ControlCountRow = [ControlStatus, number, number, number];

export type FailingResource = {
  controlId: string;
  resourceKey: string;
  severity: Severity;
  message: string;
  exceptionId: string | null;
};

export type ScoreSet = {
  frameworkScores: Record<string, FrameworkScoreRow>;
  failedBySeverity: Record<Severity, number>;
  controlCounts: Record<string, ControlCountRow>;
};

export type CompactScores = ScoreSet & {
  /** ControlScores.hash of the three score parts (scoreSetHash). */
  controlScoresHash: string;
  failing: FailingSet;
  objectCount: number;
};

const MAX_MESSAGE = 500;

/** The finding's resource as a stable key: the object key, `subject/<Kind>/<ns>/<name>`, or `cluster`. */
export function resourceKeyOf(finding: Pick<ReportFinding, "object" | "subject">): string {
  if (finding.object) {
    const o = finding.object;
    return objectKeyOf({ apiVersion: o.apiVersion, kind: o.kind, metadata: { namespace: o.namespace, name: o.name } });
  }
  if (finding.subject) return `subject/${finding.subject.kind}/${finding.subject.namespace ?? ""}/${finding.subject.name}`;
  return "cluster";
}

/**
 * The failing (control, resource) pairs of an evaluation, the first finding of each. Grouped by
 * control: a pod-heavy cluster has ~280,000 pairs, and lookups by the two keys never build a
 * combined string (which cost more than the rest of the comparison with the open intervals).
 */
export class FailingSet {
  private readonly byControl = new Map<string, Map<string, FailingResource>>();
  size = 0;

  /** Adds the pair unless it is already there; false when it was. */
  add(resource: FailingResource): boolean {
    let resources = this.byControl.get(resource.controlId);
    if (!resources) this.byControl.set(resource.controlId, (resources = new Map()));
    if (resources.has(resource.resourceKey)) return false;
    resources.set(resource.resourceKey, resource);
    this.size++;
    return true;
  }

  get(controlId: string, resourceKey: string): FailingResource | undefined {
    return this.byControl.get(controlId)?.get(resourceKey);
  }

  *values(): IterableIterator<FailingResource> {
    for (const resources of this.byControl.values()) yield* resources.values();
  }

  controlIds(): IterableIterator<string> {
    return this.byControl.keys();
  }

  /** The pairs of one control, as a set of their own (shared, not copied). */
  only(controlId: string): FailingSet {
    const one = new FailingSet();
    const resources = this.byControl.get(controlId);
    if (resources) {
      one.byControl.set(controlId, resources);
      one.size = resources.size;
    }
    return one;
  }
}

/** The content address of a snapshot's scores: equal scores share one ControlScores row. */
export function scoreSetHash(scores: ScoreSet): string {
  return sha256Hex(canonicalJson({ counts: scores.controlCounts, frameworkScores: scores.frameworkScores, failedBySeverity: scores.failedBySeverity }));
}

export function compactScores(report: ScanReport): CompactScores {
  const failing = new FailingSet();
  collectFailing(failing, report.findings);
  return scoresOf(report, failing);
}

/**
 * Adds the failing pairs of findings given in report order (the first finding of a pair is kept).
 * `objectKeys` caches resource keys by the engine's object ref: a pod-heavy report has ~30 findings
 * per object, all sharing the one ref.
 */
export function collectFailing(failing: FailingSet, findings: readonly ReportFinding[], objectKeys = new Map<object, string>()): void {
  for (const finding of findings) {
    let resourceKey = finding.object ? objectKeys.get(finding.object) : undefined;
    if (resourceKey === undefined) {
      resourceKey = resourceKeyOf(finding);
      if (finding.object) objectKeys.set(finding.object, resourceKey);
    }
    if (failing.get(finding.controlId, resourceKey)) continue;
    failing.add({
      controlId: finding.controlId,
      resourceKey,
      severity: finding.severity,
      message: finding.message.slice(0, MAX_MESSAGE),
      exceptionId: finding.exceptionId ?? null,
    });
  }
}

/** The scores of a finished report whose failing pairs were collected into `failing`. */
export function scoresOf(report: ScanReport, failing: FailingSet): CompactScores {
  const frameworkScores: Record<string, FrameworkScoreRow> = {};
  for (const f of report.frameworks) {
    frameworkScores[f.id] = { score: f.score, riskScore: f.riskScore, passed: f.counts.passed, failed: f.counts.failed };
  }
  const controlCounts: Record<string, ControlCountRow> = {};
  for (const c of report.controls) controlCounts[c.id] = [c.status, c.counts.passed, c.counts.failed, c.counts.excepted];
  const { critical, high, medium, low } = report.summary.failedBySeverity;
  const set: ScoreSet = { frameworkScores, failedBySeverity: { critical, high, medium, low }, controlCounts };
  return {
    ...set,
    controlScoresHash: scoreSetHash(set),
    failing,
    objectCount: report.summary.objects,
  };
}
