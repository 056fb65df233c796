// The comparison of a cluster's open finding intervals with an evaluation's failing set.
import { describe, expect, test } from "vitest";
import { FailingSet, type FailingResource } from "@/lib/server/pipeline/compact-scores";
import { planFindingIntervals } from "@/lib/server/pipeline/plan-finding-intervals";

const failing = (controlId: string, resourceKey: string, exceptionId: string | null = null): FailingResource => ({
  controlId, resourceKey, severity: "high", message: `${controlId} fails on ${resourceKey}`, exceptionId,
});

describe("planFindingIntervals", () => {
  test("opens new failures, closes fixed ones, re-labels changed exceptions, leaves the rest", () => {
    const now = new FailingSet();
    now.add(failing("SS-0057", "apps/Deployment/shop/web"));
    now.add(failing("SS-0057", "apps/Deployment/shop/debug", "exc-1"));
    now.add(failing("SS-0013", "apps/Deployment/shop/web"));
    const plan = planFindingIntervals(
      [
        { controlId: "SS-0057", resourceKey: "apps/Deployment/shop/web", exceptionId: null },
        { controlId: "SS-0057", resourceKey: "apps/Deployment/shop/debug", exceptionId: null },
        { controlId: "SS-0013", resourceKey: "apps/Deployment/shop/old", exceptionId: null },
      ],
      now,
    );
    expect(plan.open.map((f) => [f.controlId, f.resourceKey])).toEqual([["SS-0013", "apps/Deployment/shop/web"]]);
    expect(plan.close).toEqual([{ controlId: "SS-0013", resourceKey: "apps/Deployment/shop/old", exceptionId: null }]);
    expect(plan.exceptionChanges).toEqual([{ controlId: "SS-0057", resourceKey: "apps/Deployment/shop/debug", exceptionId: "exc-1" }]);
  });

  test("the same resource failing two controls is two pairs; a pair is kept once", () => {
    const now = new FailingSet();
    expect(now.add(failing("SS-0057", "cluster"))).toBe(true);
    expect(now.add(failing("SS-0057", "cluster"))).toBe(false);
    expect(now.add(failing("SS-0013", "cluster"))).toBe(true);
    expect(now.size).toBe(2);
    const plan = planFindingIntervals([], now);
    expect(plan.open.map((f) => f.controlId).sort()).toEqual(["SS-0013", "SS-0057"]);
    expect(plan.close).toEqual([]);
  });
});
