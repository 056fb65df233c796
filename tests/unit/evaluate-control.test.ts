// How evaluateControl and runScan group a control's failures per resource: one result (and one count)
// per resource key, violations in target order, resources in first-failure order.
import { describe, expect, it } from "vitest";
import { defineControl } from "@/lib/engine/define-control";
import { buildContext } from "@/lib/engine/build-context";
import { evaluateControl } from "@/lib/engine/evaluate-control";
import { runScan } from "@/lib/engine/run-scan";
import type { Control, K8sObject, ResourceRef } from "@/lib/engine/types";

function configMap(name: string, apiVersion = "v1", namespace = "ns"): K8sObject {
  return { apiVersion, kind: "ConfigMap", metadata: { name, namespace }, data: { owner: "a" } };
}

function deployment(name: string, apiVersion: string): K8sObject {
  return { apiVersion, kind: "Deployment", metadata: { name, namespace: "ns" }, spec: { template: { spec: { containers: [] } } } };
}

const base = { name: "test control", description: "d", rationale: "r", severity: "low", category: "hygiene", remediation: "fix it", refs: {} } as const;

// Fails every object, naming it in the message.
const failsEach = defineControl({
  ...base,
  id: "SS-9001",
  kinds: ["ConfigMap", "Deployment"],
  evaluate: (obj) => [{ message: `${obj.apiVersion} ${obj.metadata.name}` }],
});

// ConfigMap "b" blames ConfigMap "a" (evaluated before it) for a second problem.
const blamesEarlier = defineControl({
  ...base,
  id: "SS-9002",
  kinds: ["ConfigMap"],
  evaluate: (obj) => {
    if (obj.metadata.name === "a") return [{ message: "a itself" }];
    if (obj.metadata.name === "b") return [{ message: "a, seen from b", resource: { object: { apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "ns" } } }];
    return [];
  },
});

const subject: ResourceRef = { subject: { kind: "User", name: "alice" } };
// Custom targets: alice is a target twice, failing once; bob passes.
const repeatsTarget = defineControl<string>({
  ...base,
  id: "SS-9003",
  targets: () => [
    { resource: subject, value: "pass" },
    { resource: { subject: { kind: "User", name: "alice" } }, value: "fail" },
    { resource: { subject: { kind: "User", name: "bob" } }, value: "pass" },
  ],
  evaluate: (value) => (value === "fail" ? [{ message: "alice fails" }] : []),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function scan(objects: K8sObject[], control: Control<any>) {
  const report = runScan({ objects, controls: [control], controlIds: [control.id] });
  return {
    findings: report.findings.map((f) => `${f.object?.apiVersion ?? f.subject?.name}/${f.object?.name ?? ""}: ${f.message}`),
    counts: report.controls[0].counts,
  };
}

describe("evaluateControl and runScan: failures per resource", () => {
  it("keeps one resource per object, in scan order", () => {
    const { findings, counts } = scan([configMap("b"), configMap("a"), deployment("d", "apps/v1")], failsEach);
    expect(findings).toEqual(["v1/b: v1 b", "v1/a: v1 a", "apps/v1/d: apps/v1 d"]);
    expect(counts).toEqual({ passed: 0, failed: 3, excepted: 0, total: 3 });
  });

  it("merges two versions of one object (same group, namespace and name) into the first one's resource", () => {
    const objects = [deployment("d", "apps/v1"), configMap("c"), deployment("d", "apps/v1beta2"), deployment("d", "extensions/v1beta1")];
    const evaluation = evaluateControl(failsEach, buildContext({ objects }));
    expect(evaluation.results.map((r) => [r.key, r.violations.map((v) => v.message)])).toEqual([
      ["/ConfigMap/ns/c", ["v1 c"]],
      ["apps/Deployment/ns/d", ["apps/v1 d", "apps/v1beta2 d"]],
      ["extensions/Deployment/ns/d", ["extensions/v1beta1 d"]],
    ]);
    const { findings, counts } = scan(objects, failsEach);
    expect(findings).toEqual(["v1/c: v1 c", "apps/v1/d: apps/v1 d", "apps/v1/d: apps/v1beta2 d", "extensions/v1beta1/d: extensions/v1beta1 d"]);
    expect(counts.failed).toBe(3);
  });

  it("keeps a later version's findings right after the first version's, ahead of objects that failed in between", () => {
    const objects = [
      deployment("d", "apps/v1"),
      deployment("e", "apps/v1"),
      deployment("d", "apps/v1beta2"),
      deployment("f", "apps/v1"),
      deployment("e", "apps/v1beta2"),
    ];
    const { findings, counts } = scan(objects, failsEach);
    // The later versions are reported on the first version's object.
    expect(findings).toEqual(["apps/v1/d: apps/v1 d", "apps/v1/d: apps/v1beta2 d", "apps/v1/e: apps/v1 e", "apps/v1/e: apps/v1beta2 e", "apps/v1/f: apps/v1 f"]);
    expect(counts).toEqual({ passed: 0, failed: 3, excepted: 0, total: 3 });

    // An exception that matches the first version covers the later one's findings too, and counts once.
    const rule = { id: "ex-e", controlIds: [failsEach.id], match: { names: ["e"] }, reason: "r" };
    const report = runScan({ objects, controls: [failsEach], controlIds: [failsEach.id], exceptions: [rule] });
    expect(report.findings.map((f) => [f.object?.name, f.exceptionId ?? null])).toEqual([["d", null], ["d", null], ["e", "ex-e"], ["e", "ex-e"], ["f", null]]);
    expect(report.controls[0].counts).toEqual({ passed: 0, failed: 2, excepted: 1, total: 3 });
    expect(report.summary.exceptionsApplied).toEqual({ "ex-e": 1 });
  });

  it("adds a violation blamed on an earlier failed object to that object's findings", () => {
    const objects = [configMap("a"), configMap("c"), configMap("b")];
    const evaluation = evaluateControl(blamesEarlier, buildContext({ objects }));
    expect(evaluation.results.map((r) => [r.key, r.violations.map((v) => v.message)])).toEqual([["/ConfigMap/ns/a", ["a itself", "a, seen from b"]]]);
    expect(evaluation.passed).toBe(1);
    const { findings, counts } = scan(objects, blamesEarlier);
    expect(findings).toEqual(["v1/a: a itself", "v1/a: a, seen from b"]);
    expect(counts).toEqual({ passed: 1, failed: 1, excepted: 0, total: 2 });
  });

  it("counts a repeated custom target once, failed over passed", () => {
    const { findings, counts } = scan([], repeatsTarget);
    expect(findings).toEqual(["alice/: alice fails"]);
    expect(counts).toEqual({ passed: 1, failed: 1, excepted: 0, total: 2 });
  });
});
