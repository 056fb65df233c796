// The shape witness: a made-up cluster that a long-running process scans once and keeps, so the hidden
// classes of a scan's objects outlive memory-reducing collections (lib/engine/shape-witness.ts).
import { describe, expect, it } from "vitest";
import { runScan } from "@/lib/engine/run-scan";
import { keepShape, keepShapesOf, SHAPE_WITNESS_OBJECTS } from "@/lib/engine/shape-witness";

const now = new Date("2026-11-27T00:00:00Z");

describe("shape witness", () => {
  it("scans without errors and takes both the failing and the passing paths of many controls", () => {
    const report = runScan({ objects: SHAPE_WITNESS_OBJECTS, now });
    expect(report.errors).toEqual([]);
    // What it keeps alive is what it exercises: findings, passes, RBAC, control-plane flags, network.
    expect(report.summary.controls.failed).toBeGreaterThanOrEqual(100);
    expect(report.summary.controls.passed).toBeGreaterThanOrEqual(60);
    const failedIds = new Set(report.findings.map((f) => f.controlId));
    for (const id of ["SS-0057", "SS-0002", "SS-0267", "SS-0012", "SS-0140", "SS-0260"]) expect(failedIds, id).toContain(id);
  });

  it("keeps the per-scan objects of the scan it wraps, and nothing built outside it", () => {
    const kept = keepShapesOf(() => runScan({ objects: SHAPE_WITNESS_OBJECTS, now }));
    // The context, then a finding sink and a failure collector per evaluated control.
    expect(kept[0]).toHaveProperty("index");
    expect(kept.length).toBeGreaterThan(500);
    keepShape({});
    runScan({ objects: SHAPE_WITNESS_OBJECTS.slice(0, 3), now });
    expect(kept.length).toBeGreaterThan(500);
    expect(keepShapesOf(() => undefined)).toEqual([]);
  });

  it("does not change what a later scan reports (the second scan of a process builds it)", () => {
    const objects = SHAPE_WITNESS_OBJECTS.map((o) => structuredClone(o));
    const first = runScan({ objects: structuredClone(objects), now });
    const second = runScan({ objects, now });
    expect(second).toEqual(first);
  });
});
