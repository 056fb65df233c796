import { failingKey, type FailingResource } from "./compact-scores";

export type OpenInterval = { id: string; controlId: string; resourceKey: string; exceptionId: string | null };

export type FindingIntervalPlan = {
  /** Failing now, no open interval: open one (a new occurrence if it was open before). */
  open: FailingResource[];
  /** Open interval, not failing any more: close it. */
  close: string[];
  /** Still failing, but now covered by a different exception (or none). */
  exceptionChanges: { id: string; exceptionId: string | null }[];
};

/** Compares the open intervals with what the evaluation found failing. Pure. */
export function planFindingIntervals(openIntervals: readonly OpenInterval[], failing: ReadonlyMap<string, FailingResource>): FindingIntervalPlan {
  const plan: FindingIntervalPlan = { open: [], close: [], exceptionChanges: [] };
  const stillOpen = new Set<string>();
  for (const interval of openIntervals) {
    const key = failingKey(interval.controlId, interval.resourceKey);
    const now = failing.get(key);
    if (!now) {
      plan.close.push(interval.id);
      continue;
    }
    stillOpen.add(key);
    if (now.exceptionId !== interval.exceptionId) plan.exceptionChanges.push({ id: interval.id, exceptionId: now.exceptionId });
  }
  for (const [key, resource] of failing) if (!stillOpen.has(key)) plan.open.push(resource);
  return plan;
}
