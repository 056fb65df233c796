import { describe, expect, it } from "vitest";
import { ALL_CONTROLS } from "@/lib/controls";

describe("control library", () => {
  it("has unique ids", () => {
    const ids = ALL_CONTROLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every control our own remediation and a rationale", () => {
    for (const c of ALL_CONTROLS) {
      expect(c.remediation.length, c.id).toBeGreaterThan(20);
      expect(c.rationale.length, c.id).toBeGreaterThan(10);
    }
  });

  it("uses each Kubescape reference in a well-formed way", () => {
    for (const c of ALL_CONTROLS) {
      for (const ref of c.refs.kubescape ?? []) expect(ref, c.id).toMatch(/^C-\d{4}$/);
    }
  });
});
