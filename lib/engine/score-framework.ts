// One framework's scores over a set of control results: shared by runScan and imported reports.
import type { Framework } from "./frameworks";
import type { ReportControl, ReportFramework } from "./report";
import { computeFrameworkScore, computeRiskScore, roundScore } from "./scoring";

/** Scores `framework` over the results present in `byId`; `covered` = how many of its controls had one. */
export function scoreFramework(framework: Framework, byId: ReadonlyMap<string, ReportControl>): { report: ReportFramework; covered: number } {
  const members = framework.entries.flatMap((entry) => {
    const control = byId.get(entry.controlId);
    return control ? [{ entry, control }] : [];
  });
  const mc = members.map((m) => m.control);
  const count = (status: ReportControl["status"]) => mc.filter((c) => c.status === status).length;
  return {
    covered: members.length,
    report: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      score: roundScore(computeFrameworkScore(mc)),
      riskScore: roundScore(computeRiskScore(mc)) ?? 0,
      counts: {
        passed: count("passed"),
        failed: count("failed"),
        excepted: count("excepted"),
        skipped: count("skipped"),
        manual: count("manual"),
        notApplicable: count("not_applicable"),
      },
      controls: members.map((m) => ({ controlId: m.control.id, ref: m.entry.ref, status: m.control.status, score: m.control.score })),
    },
  };
}
