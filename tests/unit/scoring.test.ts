import { describe, expect, it } from "vitest";
import { computeControlScore, computeFrameworkScore, computeRiskScore } from "@/lib/engine/scoring";

describe("computeControlScore", () => {
  it("is passed ÷ (passed + failed) × 100 over resources", () => {
    expect(computeControlScore({ passed: 3, failed: 1, excepted: 0 })).toBe(75);
  });
  it("counts excepted resources as passed", () => {
    expect(computeControlScore({ passed: 1, failed: 1, excepted: 2 })).toBe(75);
  });
  it("is null when nothing was evaluated", () => {
    expect(computeControlScore({ passed: 0, failed: 0, excepted: 0 })).toBeNull();
  });
});

describe("computeFrameworkScore", () => {
  it("is the mean of scored controls and ignores skipped, manual and not-applicable ones", () => {
    const score = computeFrameworkScore([
      { status: "passed", score: 100 },
      { status: "failed", score: 50 },
      { status: "excepted", score: 90 },
      { status: "skipped", score: null },
      { status: "manual", score: null },
      { status: "not_applicable", score: null },
    ]);
    expect(score).toBe(80);
  });
  it("is null when no control is scored", () => {
    expect(computeFrameworkScore([{ status: "skipped", score: null }])).toBeNull();
  });
});

describe("computeRiskScore", () => {
  it("weights the failed ratio of each control by severity (critical 10, high 7, medium 4, low 1)", () => {
    const risk = computeRiskScore([
      { status: "failed", severity: "critical", counts: { passed: 1, failed: 1, excepted: 0 } },
      { status: "passed", severity: "low", counts: { passed: 4, failed: 0, excepted: 0 } },
    ]);
    // (10 × 0.5 + 1 × 0) ÷ (10 + 1) × 100
    expect(risk).toBeCloseTo(45.4545, 3);
  });
  it("adds no risk for excepted resources and ignores unscored controls", () => {
    const risk = computeRiskScore([
      { status: "excepted", severity: "high", counts: { passed: 0, failed: 0, excepted: 3 } },
      { status: "skipped", severity: "critical", counts: { passed: 0, failed: 0, excepted: 0 } },
    ]);
    expect(risk).toBe(0);
  });
});
