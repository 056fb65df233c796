import { describe, expect, it } from "vitest";
import { runScan, scanIncrementally } from "@/lib/engine/run-scan";
import type { K8sObject } from "@/lib/engine/types";

const privilegedDeployment: K8sObject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "api", namespace: "shop", labels: { team: "payments" }, uid: "d1" },
  spec: { template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "api:1", securityContext: { privileged: true } }] } } },
};
const ownedReplicaSet: K8sObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "api-7d9", namespace: "shop", uid: "r1", ownerReferences: [{ kind: "Deployment", name: "api", uid: "d1", controller: true }] },
  spec: privilegedDeployment.spec,
};
const ownedPod: K8sObject = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "api-7d9-x", namespace: "shop", uid: "p1", ownerReferences: [{ kind: "ReplicaSet", name: "api-7d9", uid: "r1", controller: true }] },
  spec: privilegedDeployment.spec.template.spec,
};

describe("runScan", () => {
  it("reports a pod owned through a ReplicaSet once, on its Deployment", () => {
    const report = runScan({ objects: [privilegedDeployment, ownedReplicaSet, ownedPod], controlIds: ["SS-0057"] });
    const findings = report.findings.filter((f) => f.controlId === "SS-0057");
    expect(findings.map((f) => `${f.object?.kind}/${f.object?.name}`)).toEqual(["Deployment/api"]);
    expect(findings[0].paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
    expect(report.controls.find((c) => c.id === "SS-0057")?.counts).toEqual({ passed: 0, failed: 1, excepted: 0, total: 1 });
  });

  it("turns a matching failure into excepted, and ignores an expired exception", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const rule = { id: "ex1", controlIds: ["SS-0057"], match: { namespaces: ["sh*"], labels: { team: "payments" } }, reason: "vendor agent" };
    const active = runScan({ objects: [privilegedDeployment], controlIds: ["SS-0057"], exceptions: [rule], now });
    const control = active.controls.find((c) => c.id === "SS-0057")!;
    expect(control.status).toBe("excepted");
    expect(control.score).toBe(100);
    expect(active.findings[0].exceptionId).toBe("ex1");
    expect(active.summary.exceptionsApplied).toEqual({ ex1: 1 });

    const expired = runScan({
      objects: [privilegedDeployment],
      controlIds: ["SS-0057"],
      exceptions: [{ ...rule, expiresAt: "2026-05-01T00:00:00Z" }],
      now,
    });
    expect(expired.controls.find((c) => c.id === "SS-0057")!.status).toBe("failed");
  });

  it("does not apply an exception whose labels do not match", () => {
    const report = runScan({
      objects: [privilegedDeployment],
      controlIds: ["SS-0057"],
      exceptions: [{ id: "ex2", controlIds: ["*"], match: { labels: { team: "search" } }, reason: "x" }],
    });
    expect(report.controls[0].status).toBe("failed");
  });

  it("reports controls with nothing to evaluate as not applicable and leaves them out of scores", () => {
    const report = runScan({ objects: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "a" } }], controlIds: ["SS-0057"] });
    expect(report.controls[0].status).toBe("not_applicable");
    expect(report.frameworks.find((f) => f.id === "all")!.score).toBeNull();
  });
});

describe("owner de-duplication", () => {
  it("still judges a Deployment owned by a custom resource", () => {
    const rollout: K8sObject = { apiVersion: "example.io/v1", kind: "AppBundle", metadata: { name: "bundle", namespace: "shop", uid: "cr1" } };
    const owned: K8sObject = {
      ...privilegedDeployment,
      metadata: { ...privilegedDeployment.metadata, ownerReferences: [{ kind: "AppBundle", name: "bundle", uid: "cr1", controller: true }] },
    };
    const report = runScan({ objects: [rollout, owned], controlIds: ["SS-0057"] });
    expect(report.findings.map((f) => f.object?.name)).toEqual(["api"]);
  });
});

describe("scanIncrementally", () => {
  it("yields each control with its findings as evaluated, and returns runScan's report", () => {
    const input = { objects: [privilegedDeployment, ownedReplicaSet, ownedPod], now: new Date("2026-06-01T00:00:00Z") };
    const scan = scanIncrementally(input);
    const yielded: { id: string; findings: string[] }[] = [];
    let next = scan.next();
    for (; !next.done; next = scan.next()) {
      const { control, findings } = next.value;
      expect(findings.every((f) => f.controlId === control.id)).toBe(true);
      yielded.push({ id: control.id, findings: findings.map((f) => JSON.stringify(f)) });
    }
    const report = next.value;
    expect(JSON.stringify(report)).toBe(JSON.stringify(runScan(input)));
    expect(yielded.map((c) => c.id)).toEqual(report.controls.map((c) => c.id));
    expect(yielded.flatMap((c) => c.findings)).toEqual(report.findings.map((f) => JSON.stringify(f)));
    expect(yielded.some((c) => c.findings.length > 0)).toBe(true);
  });
});
