// One framework's scores over a set of control results: shared by runScan and imported reports.
import type { Framework } from "./frameworks";
import type { ReportControl, ReportFramework } from "./report";
import { computeFrameworkScore, computeRiskScore, roundScore } from "./scoring";

/** Scores `framework` over the results present in `byId`; `covered` = how many of its controls had one. */
export function scoreFramework(framework: Framework, byId: ReadonlyMap<string, ReportControl>): { report: ReportFramework; covered: number } {
  // Loops, not callbacks: this runs once per framework per scan, and a callback made per call is
  // compiled again after every full GC.
  const mc: ReportControl[] = [];
  const controls: ReportFramework["controls"] = [];
  const counts = { passed: 0, failed: 0, excepted: 0, skipped: 0, manual: 0, notApplicable: 0 };
  for (const entry of framework.entries) {
    const control = byId.get(entry.controlId);
    if (!control) continue;
    mc.push(control);
    controls.push({ controlId: control.id, ref: entry.ref, status: control.status, score: control.score });
    if (control.status === "not_applicable") counts.notApplicable++;
    else counts[control.status]++;
  }
  return {
    covered: mc.length,
    report: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      score: roundScore(computeFrameworkScore(mc)),
      riskScore: roundScore(computeRiskScore(mc)) ?? 0,
      counts,
      controls,
    },
  };
}
