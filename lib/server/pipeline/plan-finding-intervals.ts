import type { FailingResource, FailingSet } from "./compact-scores";

/** An open interval, identified by its (control, resource) within the cluster. */
export type OpenInterval = { controlId: string; resourceKey: string; exceptionId: string | null };

export type FindingIntervalPlan = {
  /** Failing now, no open interval: open one (a new occurrence if it was open before). */
  open: FailingResource[];
  /** Open interval, not failing any more: close it. */
  close: OpenInterval[];
  /** Still failing, but now covered by a different exception (or none). */
  exceptionChanges: OpenInterval[];
};

/** Compares the open intervals with what the evaluation found failing. Pure. */
export function planFindingIntervals(openIntervals: Iterable<OpenInterval>, failing: FailingSet): FindingIntervalPlan {
  const plan: FindingIntervalPlan = { open: [], close: [], exceptionChanges: [] };
  const stillOpen = new Set<FailingResource>();
  for (const interval of openIntervals) {
    const now = failing.get(interval.controlId, interval.resourceKey);
    if (!now) {
      plan.close.push(interval);
      continue;
    }
    stillOpen.add(now);
    if (now.exceptionId !== interval.exceptionId) plan.exceptionChanges.push({ controlId: interval.controlId, resourceKey: interval.resourceKey, exceptionId: now.exceptionId });
  }
  if (stillOpen.size < failing.size) for (const resource of failing.values()) if (!stillOpen.has(resource)) plan.open.push(resource);
  return plan;
}
