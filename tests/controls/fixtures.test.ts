// Every control has fixtures in tests/controls/<id>/: pass-*.yaml must evaluate to `passed`,
// fail-*.yaml to `failed` for that control. Manual controls need none.
// Optional documents in a fixture with apiVersion shipshape.dev/v1alpha1:
//   kind: ScanSettings  (spec = settings overrides)   kind: ClusterFacts (spec = cluster facts)
// NodeInfo documents are node facts.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { ALL_CONTROLS } from "@/lib/controls";
import { buildContext } from "@/lib/engine/build-context";
import { evaluateControl } from "@/lib/engine/evaluate-control";
import type { ClusterFacts, K8sObject } from "@/lib/engine/types";
import type { ScanSettings } from "@/lib/engine/settings";

const FIXTURE_ROOT = path.join(__dirname);

function loadFixture(file: string) {
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((d): d is K8sObject => !!d && typeof d === "object");
  let settings: Partial<ScanSettings> | undefined;
  let cluster: ClusterFacts | undefined;
  const objects: K8sObject[] = [];
  for (const doc of docs) {
    if (doc.apiVersion === "shipshape.dev/v1alpha1" && doc.kind === "ScanSettings") settings = doc.spec;
    else if (doc.apiVersion === "shipshape.dev/v1alpha1" && doc.kind === "ClusterFacts") cluster = doc.spec;
    else if (doc.kind === "List" && Array.isArray(doc.items)) objects.push(...doc.items);
    else objects.push({ ...doc, metadata: doc.metadata ?? {} });
  }
  return { objects, settings, cluster };
}

describe("control fixtures", () => {
  for (const control of ALL_CONTROLS) {
    if (control.manual) continue;
    const dir = path.join(FIXTURE_ROOT, control.id);
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
    const passFiles = files.filter((f) => f.startsWith("pass-"));
    const failFiles = files.filter((f) => f.startsWith("fail-"));

    it(`${control.id} has at least one passing and one failing fixture`, () => {
      expect(passFiles.length, `tests/controls/${control.id}/pass-*.yaml`).toBeGreaterThan(0);
      expect(failFiles.length, `tests/controls/${control.id}/fail-*.yaml`).toBeGreaterThan(0);
    });

    for (const file of files) {
      const expected = file.startsWith("pass-") ? "passed" : file.startsWith("fail-") ? "failed" : undefined;
      if (!expected) continue;
      it(`${control.id} ${file} → ${expected}`, () => {
        const ctx = buildContext(loadFixture(path.join(dir, file)));
        const result = evaluateControl(control, ctx);
        expect(result.errors).toEqual([]);
        expect(result.status).toBe(expected);
        if (expected === "failed") {
          const violations = result.results.flatMap((r) => r.violations);
          for (const v of violations) expect(v.message.length).toBeGreaterThan(0);
        }
      });
    }
  }
});
