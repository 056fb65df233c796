// The agent's own deploy manifests, scanned with our own engine: every control passes except the
// findings agent/deploy/shipshape-exceptions.yaml lists with a reason — applied through the engine's
// exception mechanism, so an excepted finding still shows as "excepted" in the report.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadExceptionsFile } from "@/agent/src/scan/scan-config";
import type { ExceptionRule } from "@/lib/engine/exceptions";
import { runScan } from "@/lib/engine/run-scan";
import type { K8sObject } from "@/lib/engine/types";

const DEPLOY = path.resolve(__dirname, "../../../agent/deploy");
const MANIFESTS = path.join(DEPLOY, "manifests");

function loadManifests(): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const file of fs.readdirSync(MANIFESTS).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(MANIFESTS, file), "utf8"))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      const value = doc.toJS();
      if (value) objects.push(value as K8sObject);
    }
  }
  return objects;
}

let objects: K8sObject[];
let exceptions: ExceptionRule[];
beforeAll(async () => {
  objects = loadManifests();
  exceptions = await loadExceptionsFile(path.join(DEPLOY, "shipshape-exceptions.yaml"));
});

const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const podSpec = (kind: string): any => byKind(kind)[0].spec.template.spec;

describe("agent/deploy/manifests", () => {
  it("holds the agent's objects, each well-formed and in the shipshape namespace", () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`).sort()).toEqual([
      "ClusterRole/shipshape-agent-read",
      "ClusterRoleBinding/shipshape-agent-read",
      "ConfigMap/shipshape-agent",
      "DaemonSet/shipshape-agent-node",
      "Deployment/shipshape-agent",
      "Namespace/shipshape",
      "NetworkPolicy/shipshape-agent-default-deny",
      "NetworkPolicy/shipshape-agent-egress",
      "ServiceAccount/shipshape-agent",
      "ServiceAccount/shipshape-agent-node",
    ]);
    for (const o of objects) {
      expect(o.apiVersion, `${o.kind}`).toMatch(/^(v1|[a-z0-9.]+\/v1)$/);
      if (!["Namespace", "ClusterRole", "ClusterRoleBinding"].includes(o.kind)) expect(o.metadata?.namespace, `${o.kind}/${o.metadata?.name}`).toBe("shipshape");
    }
  });

  it("passes every control of our own engine, apart from the documented exceptions", () => {
    const report = runScan({ objects, exceptions, now: new Date("2026-11-26T00:00:00Z") });
    const failures = report.findings
      .filter((f) => !f.exceptionId)
      .map((f) => `${f.controlId} ${f.object ? `${f.object.kind}/${f.object.name}` : `${f.subject?.kind}/${f.subject?.name}`}: ${f.message}`);
    expect(failures).toEqual([]);
    expect(report.controls.filter((c) => c.status === "failed")).toEqual([]);
    expect(report.errors).toEqual([]);
    // Every exception still matches something: a rule that no longer applies must be deleted.
    for (const rule of exceptions) expect(report.summary.exceptionsApplied[rule.id] ?? 0, rule.id).toBeGreaterThan(0);
  });

  it("keeps the exceptions short, narrow and explained", () => {
    expect(exceptions.length).toBeLessThanOrEqual(8);
    for (const rule of exceptions) {
      expect(rule.controlIds, rule.id).not.toContain("*");
      expect(rule.match.names?.length, rule.id).toBeGreaterThan(0);
      expect(rule.match.kinds?.length, rule.id).toBeGreaterThan(0);
      expect(rule.reason.length, rule.id).toBeGreaterThan(80);
    }
  });

  it("an insecure change is caught: the exceptions do not hide new findings", () => {
    const broken = structuredClone(objects);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const agent: any = broken.find((o) => o.kind === "Deployment");
    agent.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false;
    agent.spec.template.spec.hostNetwork = true;
    const report = runScan({ objects: broken, exceptions });
    const failed = report.controls.filter((c) => c.status === "failed").map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(["SS-0017", "SS-0041"]));
  });

  it("hardens every container: non-writable root, no escalation, no capabilities, seccomp, resource bounds", () => {
    for (const kind of ["Deployment", "DaemonSet"]) {
      const spec = podSpec(kind);
      expect(spec.securityContext.seccompProfile).toEqual({ type: "RuntimeDefault" });
      expect(spec.hostNetwork ?? false).toBe(false);
      expect(spec.hostPID ?? false).toBe(false);
      for (const c of spec.containers) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ["ALL"] } });
        expect(c.securityContext.capabilities.add).toBeUndefined();
        expect(Object.keys(c.resources.requests).sort()).toEqual(["cpu", "memory"]);
        expect(Object.keys(c.resources.limits).sort()).toEqual(["cpu", "memory"]);
      }
    }
    expect(podSpec("Deployment").securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
  });

  it("mounts the node read-only, never the container runtime's sockets, and gives node mode no API token", () => {
    const spec = podSpec("DaemonSet");
    expect(spec.automountServiceAccountToken).toBe(false);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const hostVolumes = spec.volumes.filter((v: any) => v.hostPath);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(hostVolumes.map((v: any) => v.hostPath.path).sort()).toEqual(["/etc", "/proc", "/usr/lib", "/var/lib/kubelet"]);
    for (const volume of hostVolumes) {
      expect(volume.hostPath.type).toBe("Directory");
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const mounts = spec.containers.flatMap((c: any) => c.volumeMounts).filter((m: any) => m.name === volume.name);
      expect(mounts.length).toBeGreaterThan(0);
      for (const m of mounts) expect(m).toMatchObject({ readOnly: true, mountPath: `/host${volume.hostPath.path}` });
    }
    expect(spec.containers[0].args).toContain("--host-root=/host");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(spec.tolerations.map((t: any) => t.key)).toEqual(["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"]);
    expect(spec.containers[0].livenessProbe.exec.command[0]).toBe("node");
  });

  it("grants read-only access: list everywhere, get only the kube-system namespace, never get on Secrets", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rules: any[] = byKind("ClusterRole")[0].rules;
    const verbs = new Set(rules.flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(["get", "list"]);
    const gets = rules.filter((r) => r.verbs.includes("get") && r.resources);
    expect(gets).toEqual([{ apiGroups: [""], resources: ["namespaces"], resourceNames: ["kube-system"], verbs: ["get"] }]);
    expect(rules.find((r) => r.nonResourceURLs)?.nonResourceURLs).toEqual(["/version", "/api", "/api/*", "/apis", "/apis/*"]);
  });

  it("lets the pods talk out only: no ingress rule, egress to DNS and TCP 443/6443", () => {
    for (const policy of byKind("NetworkPolicy")) {
      expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
      expect(policy.spec.ingress ?? []).toEqual([]);
    }
    const egress = byKind("NetworkPolicy").flatMap((p) => p.spec.egress ?? []);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(egress.flatMap((r: any) => r.ports.map((p: any) => `${p.protocol}/${p.port}`)).sort()).toEqual(["TCP/443", "TCP/53", "TCP/6443", "UDP/53"]);
  });
});
