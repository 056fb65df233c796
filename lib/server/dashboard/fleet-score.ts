// The organization's score for a framework is the mean of its clusters' framework scores (each the
// engine's Kubescape-compatible score of the cluster's latest evaluation). Clusters without a score
// for the framework (nothing evaluated, or no scored control) are left out, never counted as 0.

/** Mean of the non-null scores, rounded to one decimal; null when there is none. */
export function meanScore(scores: (number | null | undefined)[]): number | null {
  const present = scores.filter((s): s is number => typeof s === "number");
  if (!present.length) return null;
  return meanOfTenths(present.reduce((sum, s) => sum + Math.round(s * 10), 0), present.length);
}

/**
 * Stored scores have one decimal; summing them as integer tenths keeps every mean exact, so the
 * same clusters give the same number whichever query adds them up (overview, trend, report).
 */
export function meanOfTenths(sumOfTenths: number, count: number): number | null {
  return count > 0 ? Math.round(sumOfTenths / count) / 10 : null;
}

/** b − a rounded to one decimal, or null when either side is missing. */
export function scoreDelta(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== "number" || typeof b !== "number") return null;
  return Math.round((b - a) * 10) / 10;
}
