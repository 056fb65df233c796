// Conformance with Kubescape's verdicts on its own regolibrary test cases (../shared/corpus/regolibrary),
// for every case whose rule belongs to a Kubescape control that one of ours references and that needs
// only API objects or node facts. Fails below 97% agreement. Deliberate disagreements are listed, with
// a reason, in docs/conformance.md; a listed case that now agrees must be removed from the list.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readAcceptedDisagreements, REGOLIBRARY, runConformance, summarize } from "./kubescape-cases";

const hasCorpus = fs.existsSync(REGOLIBRARY);

describe("Kubescape conformance", () => {
  let run: ReturnType<typeof runConformance>;
  beforeAll(() => {
    if (hasCorpus) run = runConformance();
  });

  it("finds the regolibrary corpus beside the checkout", () => {
    expect(hasCorpus, `${REGOLIBRARY} must exist (../shared/corpus)`).toBe(true);
  });

  it("agrees with Kubescape on at least 97% of the cases our controls cover", () => {
    const { outcomes } = run;
    const s = summarize(outcomes);
    const perControl = new Map<string, { ok: number; all: number }>();
    for (const o of outcomes) {
      const e = perControl.get(o.controlId) ?? { ok: 0, all: 0 };
      e.all++;
      if (o.agreed) e.ok++;
      perControl.set(o.controlId, e);
    }
    const lines = [...perControl].sort().map(([id, e]) => `${id} ${e.ok}/${e.all}`);
    console.log(`conformance per control: ${lines.join(", ")}`);
    console.log(`conformance: ${s.agreed}/${s.total} cases agree, ${s.accepted} accepted disagreements, agreement ${(s.agreement * 100).toFixed(1)}% (raw ${(s.rawAgreement * 100).toFixed(1)}%)`);
    const unexplained = outcomes.filter((o) => !o.agreed && !o.accepted).map((o) => `${o.controlId} ${o.rule}/${o.caseName}: ${o.detail}`);
    expect(s.total).toBeGreaterThan(0);
    expect(s.agreement, `unexplained disagreements:\n${unexplained.join("\n")}`).toBeGreaterThanOrEqual(0.97);
  });

  it("lists in docs/conformance.md only cases that still disagree", () => {
    const accepted = readAcceptedDisagreements();
    const { outcomes } = run;
    const stillDisagree = new Set(outcomes.filter((o) => !o.agreed).map((o) => `${o.rule}/${o.caseName}|${o.controlId}`));
    const stale = [...accepted.keys()].filter((k) => !stillDisagree.has(k));
    expect(stale, "entries in docs/conformance.md that now agree or no longer exist").toEqual([]);
  });
});
