// Score formulas (docs/scoring.md). Pure; pinned by tests/unit/scoring.test.ts.
import type { ControlStatus, Severity } from "./types";

export interface ControlCounts {
  passed: number;
  failed: number;
  excepted: number;
}

/**
 * Kubescape-compatible control compliance score: passed ÷ (passed + failed) × 100, over resources.
 * Excepted resources count as passed (an accepted risk is a compliant, documented state).
 * Returns null when the control evaluated no resource (skipped, manual, not applicable).
 */
export function computeControlScore(counts: ControlCounts): number | null {
  const passed = counts.passed + counts.excepted;
  const total = passed + counts.failed;
  return total === 0 ? null : (passed / total) * 100;
}

/** Statuses that take part in framework scores; skipped, manual and not_applicable never do. */
export function isScoredStatus(status: ControlStatus): boolean {
  return status === "passed" || status === "failed" || status === "excepted";
}

/** Framework compliance score: the mean of its scored controls' compliance scores; null if none is scored. */
export function computeFrameworkScore(controls: { status: ControlStatus; score: number | null }[]): number | null {
  let sum = 0;
  let scored = 0;
  for (const c of controls) {
    if (!isScoredStatus(c.status) || c.score === null) continue;
    sum += c.score;
    scored++;
  }
  return scored === 0 ? null : sum / scored;
}

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 10, high: 7, medium: 4, low: 1 };

/**
 * Severity-weighted risk score, 0 (no risk) … 100 (every resource of every control fails):
 * Σ weight(severity) × failed ÷ (passed + failed + excepted) over scored controls, ÷ Σ weight, × 100.
 * Excepted resources add no risk. Returns 0 when nothing is scored.
 */
export function computeRiskScore(controls: { status: ControlStatus; severity: Severity; counts: ControlCounts }[]): number {
  let weighted = 0;
  let weights = 0;
  for (const c of controls) {
    if (!isScoredStatus(c.status)) continue;
    const total = c.counts.passed + c.counts.failed + c.counts.excepted;
    if (total === 0) continue;
    const w = SEVERITY_WEIGHTS[c.severity];
    weighted += w * (c.counts.failed / total);
    weights += w;
  }
  return weights === 0 ? 0 : (weighted / weights) * 100;
}

/** Rounds a score for display and storage (one decimal). */
export function roundScore(score: number | null): number | null {
  return score === null ? null : Math.round(score * 10) / 10;
}
