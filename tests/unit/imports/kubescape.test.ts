// Kubescape JSON import on the real samples of ../shared/corpus/kubescape-output (expected figures
// read from the files by hand; see each test) and on malformed or foreign input.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_CONTROLS } from "@/lib/controls";
import { ImportError } from "@/lib/imports/import-error";
import { importKubescapeResults, kubescapeObjects, mapKubescapeControlId, parseResourceId } from "@/lib/imports/kubescape";
import { currentKubescapeId } from "@/lib/imports/kubescape-legacy-ids";
import type { ScanReport } from "@/lib/engine/report";

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus");
const KS = path.join(CORPUS, "kubescape-output/defectdojo");
const read = (name: string) => fs.readFileSync(path.join(KS, name), "utf8");

function control(report: ScanReport, id: string) {
  const c = report.controls.find((x) => x.id === id);
  if (!c) throw new Error(`${id} not in report`);
  return c;
}

function expectImportError(fn: () => unknown, code: string, message: RegExp): ImportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message).toMatch(message);
    return error as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("Kubescape import: with_a_failure.json (v3.0.3 file scan of one nginx Deployment)", () => {
  const imported = importKubescapeResults(read("with_a_failure.json"), { now: new Date("2026-01-02T03:04:05Z") });
  const { report } = imported;

  it("reads the source: version, format, file target, frameworks run; no cluster identity", () => {
    expect(imported.source).toEqual({
      tool: "kubescape",
      version: "v3.0.3",
      generatedAt: null, // the file says 0001-01-01T00:00:00Z (Go's zero time)
      formatVersion: "v2",
      target: "file",
      targetNames: ["clusterscan", "mitre", "nsa"],
      reportId: null,
    });
    expect(report.cluster).toBeUndefined();
    expect(report.generatedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(report.engineVersion).toBe("kubescape v3.0.3");
  });

  it("keeps Kubescape's verdicts: 3 failed, 15 passed, 15 irrelevant (not applicable) of 33 controls", () => {
    expect(report.controls).toHaveLength(33);
    expect(report.summary.controls).toEqual({ passed: 15, failed: 3, skipped: 0, manual: 0, not_applicable: 15, excepted: 0 });
    const failed = report.controls.filter((c) => c.status === "failed").map((c) => c.id).sort();
    expect(failed).toEqual(["SS-0030", "SS-0055", "SS-0260"]);
    expect(imported.unmappedControls).toEqual([]);
    expect(report.summary.objects).toBe(1);
  });

  it("maps the failing resource and the paths Kubescape gave", () => {
    for (const id of ["SS-0030", "SS-0055", "SS-0260"]) {
      expect(control(report, id).counts).toEqual({ passed: 0, failed: 1, excepted: 0, total: 1 });
      expect(control(report, id).score).toBe(0);
    }
    const linux = report.findings.filter((f) => f.controlId === "SS-0055");
    expect(linux).toHaveLength(1);
    expect(linux[0].object).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "nginx-deployment" });
    expect(linux[0].fixPaths).toEqual([
      { path: "spec.template.spec.containers[0].securityContext.seccompProfile", value: "YOUR_VALUE" },
      { path: "spec.template.spec.containers[0].securityContext.seLinuxOptions", value: "YOUR_VALUE" },
      { path: "spec.template.spec.containers[0].securityContext.capabilities.drop[0]", value: "YOUR_VALUE" },
    ]);
    expect(linux[0].message).toContain("C-0055");
    expect(linux[0].fix).toBe(ALL_CONTROLS.find((c) => c.id === "SS-0055")!.remediation);
    expect(report.summary.findings).toBe(3);
  });

  it("recomputes framework scores with our formulas and keeps Kubescape's alongside", () => {
    // "all": 18 scored controls, each over one resource: 15 at 100, 3 at 0 → 15/18.
    const all = report.frameworks.find((f) => f.id === "all")!;
    expect(all.score).toBe(83.3);
    expect(all.counts).toMatchObject({ passed: 15, failed: 3, notApplicable: 15 });
    // Risk: Σ weight × failed share over the 18 scored controls ÷ Σ weight (weights 10/7/4/1).
    const weights = { critical: 10, high: 7, medium: 4, low: 1 } as const;
    const scored = report.controls.filter((c) => c.status === "passed" || c.status === "failed");
    const risk = (scored.reduce((s, c) => s + weights[c.severity] * (c.status === "failed" ? 1 : 0), 0) / scored.reduce((s, c) => s + weights[c.severity], 0)) * 100;
    expect(all.riskScore).toBe(Math.round(risk * 10) / 10);
    expect(report.frameworks.map((f) => f.id).sort()).toEqual(["all", "mitre", "nsa"]);

    expect(imported.kubescapeScores.complianceScore).toBeCloseTo(90.90909, 4);
    expect(imported.kubescapeScores.score).toBeCloseTo(14.285713, 4);
    expect(imported.kubescapeScores.frameworks.find((f) => f.name === "NSA")).toMatchObject({ complianceScore: 88.888885, score: 12.658227 });
    expect(imported.kubescapeScores.controls["C-0030"]).toEqual({ score: 100, complianceScore: 0 });
  });
});

describe("Kubescape import: results.json (v3.0.3, nginx Deployment + NetworkPolicy, nothing failed)", () => {
  const { report } = importKubescapeResults(read("results.json"));

  it("has no failure and two objects", () => {
    expect(report.summary.controls.failed).toBe(0);
    expect(report.summary.findings).toBe(0);
    expect(report.summary.objects).toBe(2);
    // C-0030 and C-0260 passed on both resources.
    expect(control(report, "SS-0030").counts).toEqual({ passed: 2, failed: 0, excepted: 0, total: 2 });
    expect(control(report, "SS-0260").counts).toEqual({ passed: 2, failed: 0, excepted: 0, total: 2 });
    for (const f of report.frameworks) expect(f.score).toBe(100);
  });
});

describe("Kubescape import: many_findings.json (2022 v2 report: legacy CIS ids, exceptions, RBAC subjects)", () => {
  const imported = importKubescapeResults(read("many_findings.json"));
  const { report } = imported;

  it("reads the generation time and recognises a file scan from its resource ids", () => {
    expect(imported.source.generatedAt).toBe("2022-11-02T07:55:55.697Z");
    expect(report.generatedAt).toBe("2022-11-02T07:55:55.697Z");
    expect(imported.source.version).toBeNull();
    expect(imported.source.target).toBe("file");
  });

  it("translates legacy CIS-x.y.z ids and merges two Kubescape ids of one control", () => {
    // 183 summary controls; CIS-5.1.6 (now C-0190) and C-0034 are the same check → one control.
    expect(report.controls).toHaveLength(182);
    expect(report.controls.some((c) => c.id.startsWith("KS:CIS-"))).toBe(false);
    const sa = control(report, "SS-0034");
    expect(imported.controlMapping.filter((m) => m.controlId === "SS-0034")).toEqual([
      { kubescapeId: "C-0034", originalIds: [], controlId: "SS-0034" },
      { kubescapeId: "C-0190", originalIds: ["CIS-5.1.6"], controlId: "SS-0034" },
    ]);
    // Over both ids, per object: the kubescape/kubescape Deployment is excepted (alertOnly system
    // exception), the kubescape/kubescape-discovery ServiceAccount fails, 14 others pass.
    expect(sa.counts).toEqual({ passed: 14, failed: 1, excepted: 1, total: 16 });
    expect(sa.status).toBe("failed");
    const excepted = report.findings.filter((f) => f.controlId === "SS-0034" && f.exceptionId);
    expect(excepted.length).toBeGreaterThan(0);
    for (const f of excepted) {
      expect(f.object).toMatchObject({ kind: "Deployment", namespace: "kubescape", name: "kubescape" });
      expect(f.exceptionId).toMatch(/^kubescape:exclude-kubescape-resources-\d+$/);
    }
  });

  it("maps RBAC subject results to subjects, with the binding and role as related objects", () => {
    // CIS-5.1.2 (C-0186) failed on six subject/role/binding triples, which are two subjects.
    const secrets = control(report, "SS-0186");
    expect(secrets.counts).toEqual({ passed: 0, failed: 2, excepted: 0, total: 2 });
    const subjects = report.findings.filter((f) => f.controlId === "SS-0186").map((f) => f.subject);
    expect(subjects).toContainEqual({ kind: "ServiceAccount", name: "kubescape-discovery", namespace: "kubescape" });
    expect(subjects).toContainEqual({ kind: "ServiceAccount", name: "kubescape-discovery" });
    const withBinding = report.findings.find((f) => f.controlId === "SS-0186" && f.subject?.namespace === "kubescape")!;
    expect(withBinding.related.map((r) => r.kind).sort()).toEqual(["ClusterRole", "ClusterRoleBinding"]);
    expect(withBinding.paths).toContain("relatedObjects[0].roleRef.name");
  });

  it("keeps a control's failing workload and failed path (C-0057 privileged host-scanner)", () => {
    const privileged = control(report, "SS-0057");
    expect(privileged.counts).toEqual({ passed: 13, failed: 1, excepted: 0, total: 14 });
    const [finding] = report.findings.filter((f) => f.controlId === "SS-0057");
    expect(finding.object).toEqual({ apiVersion: "apps/v1", kind: "DaemonSet", namespace: "kubescape-host-scanner", name: "host-scanner" });
    expect(finding.paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
    // CIS-5.7.4 (C-0212, default namespace): 27 failed, 4 passed once the same object in two files is one object.
    expect(control(report, "SS-0212").counts).toMatchObject({ passed: 4, failed: 27 });
  });

  it("counts every excepted resource once in exceptionsApplied", () => {
    const excepted = report.controls.reduce((s, c) => s + c.counts.excepted, 0);
    const applied = Object.values(report.summary.exceptionsApplied).reduce((s, n) => s + n, 0);
    expect(excepted).toBeGreaterThan(0);
    expect(applied).toBe(excepted);
    for (const key of Object.keys(report.summary.exceptionsApplied)) expect(key).toMatch(/^kubescape:exclude-kubescape-resources-\d+$/);
  });

  it("keeps controls we have no equivalent for under KS: ids with the file's name and severity", () => {
    for (const u of imported.unmappedControls) {
      expect(u.id).toBe(`KS:${u.kubescapeId}`);
      expect(mapKubescapeControlId(u.kubescapeId)).toBeUndefined();
      expect(ALL_CONTROLS.some((c) => c.refs.kubescape?.includes(u.kubescapeId))).toBe(false);
      const c = control(report, u.id);
      expect(c.name).toBe(u.name);
      expect(c.refs).toEqual({ kubescape: [u.kubescapeId] });
    }
    // Every mapped control id is one whose refs.kubescape lists the Kubescape id.
    for (const m of imported.controlMapping) {
      expect(ALL_CONTROLS.find((c) => c.id === m.controlId)!.refs.kubescape).toContain(m.kubescapeId);
    }
  });

  it("reports our equivalents of the frameworks Kubescape ran, members limited to what was imported", () => {
    // Kubescape ran DevOpsBest, ArmoBest, MITRE, CIS, NSA and AllControls.
    expect(report.frameworks.map((f) => f.id).sort()).toEqual(["all", "cis-v1.12", "mitre", "nsa"]);
    for (const f of report.frameworks) {
      for (const member of f.controls) expect(member.controlId.startsWith("SS-")).toBe(true);
      const coverage = imported.frameworkCoverage.find((c) => c.frameworkId === f.id)!;
      expect(coverage.covered).toBe(f.controls.length);
      expect(coverage.total).toBeGreaterThanOrEqual(coverage.covered);
    }
    expect(imported.kubescapeScores.frameworks.find((f) => f.name === "CIS")).toMatchObject({ score: 43.612335, complianceScore: null });
  });
});

describe("Kubescape import: cluster scans (synthetic report in the v2 shape)", () => {
  const clusterReport = {
    generationTime: "2025-03-04T05:06:07Z",
    clusterName: "prod-eu",
    clusterCloudProvider: "eks",
    reportGUID: "c0ffee",
    clusterAPIServerInfo: { major: "1", minor: "30", gitVersion: "v1.30.4-eks-a737599" },
    metadata: {
      targetMetadata: { clusterContextMetadata: { contextName: "arn:aws:eks:eu-west-1:1:cluster/prod-eu" } },
      scanMetadata: { kubescapeVersion: "v3.0.21", formatVersion: "v2", targetNames: ["nsa"], scanningTarget: 0 },
    },
    summaryDetails: {
      score: 50,
      complianceScore: 50,
      controls: {
        "C-0034": { controlID: "C-0034", name: "Automatic mapping of service account", statusInfo: { status: "failed" }, scoreFactor: 6 },
        "C-0190": { controlID: "C-0190", name: "SA tokens", statusInfo: { status: "passed" }, scoreFactor: 5 },
        "C-0057": { controlID: "C-0057", name: "Privileged container", statusInfo: { status: "passed", subStatus: "w/exceptions" }, scoreFactor: 8 },
        "C-0999": { controlID: "C-0999", name: "A future control", statusInfo: { status: "failed" }, scoreFactor: 9, category: { name: "Workload" } },
        "C-0035": { controlID: "C-0035", name: "Cluster-admin binding", statusInfo: { status: "failed" }, scoreFactor: 6 },
        "C-0092": { controlID: "C-0092", name: "File permissions", statusInfo: { status: "skipped", subStatus: "configuration", info: "needs the host sensor" }, scoreFactor: 6 },
      },
      frameworks: [{ name: "NSA", version: "v1.0.2", score: 50, complianceScore: 50 }],
    },
    // Raw resources omitted (`--omit-raw-resources`): resources are known by their ids only.
    results: [
      {
        resourceID: "apps/v1/shop/Deployment/web",
        controls: [
          { controlID: "C-0034", status: { status: "failed" }, rules: [{ name: "automount-service-account", status: "failed", paths: [{ fixPath: { path: "spec.template.spec.automountServiceAccountToken", value: "false" } }] }] },
          { controlID: "C-0190", status: { status: "passed" }, rules: [{ name: "automount-service-account", status: "passed" }] },
          { controlID: "C-0057", status: { status: "passed", subStatus: "w/exceptions" }, rules: [{ name: "rule-privilege-escalation", status: "passed", subStatus: "w/exceptions", paths: [{ failedPath: "spec.template.spec.containers[0].securityContext.privileged" }], exception: [{ name: "allow-web-privileged" }] }] },
          { controlID: "C-0999", status: { status: "failed" }, rules: [{ name: "future-rule", status: "failed", paths: [{ failedPath: "spec.replicas" }] }] },
        ],
      },
      { resourceID: "/v1/shop/Pod/debug", controls: [{ controlID: "C-0057", status: { status: "passed" }, rules: [{ name: "rule-privilege-escalation", status: "passed" }] }] },
      {
        resourceID: "rbac.authorization.k8s.io//User/jane/rbac.authorization.k8s.io/v1//ClusterRoleBinding/jane-admin",
        controls: [{ controlID: "C-0035", status: { status: "failed" }, rules: [{ name: "rule-list-all-cluster-admins-v1", status: "failed" }] }],
      },
    ],
    resources: [
      {
        resourceID: "rbac.authorization.k8s.io//User/jane/rbac.authorization.k8s.io/v1//ClusterRoleBinding/jane-admin",
        object: {
          kind: "User",
          name: "jane",
          apiGroup: "rbac.authorization.k8s.io",
          relatedObjects: [{ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "jane-admin" } }],
        },
      },
    ],
  };
  const imported = importKubescapeResults(JSON.stringify(clusterReport));
  const { report } = imported;

  it("takes the cluster identity from the file", () => {
    expect(report.cluster).toEqual({ name: "prod-eu", provider: "eks", kubernetesVersion: "v1.30.4-eks-a737599" });
    expect(imported.source).toMatchObject({ target: "cluster", version: "v3.0.21", reportId: "c0ffee", generatedAt: "2025-03-04T05:06:07.000Z" });
    expect(importKubescapeResults(JSON.stringify(clusterReport), { clusterName: "renamed" }).report.cluster?.name).toBe("renamed");
  });

  it("reads resource ids without raw resources, and subjects from their synthetic objects", () => {
    expect(parseResourceId("apps/v1/shop/Deployment/web")).toEqual({ apiVersion: "apps/v1", namespace: "shop", kind: "Deployment", name: "web" });
    expect(parseResourceId("/v1/shop/Pod/debug")).toEqual({ apiVersion: "v1", namespace: "shop", kind: "Pod", name: "debug" });
    expect(parseResourceId("path=123/api=apps/v1//Deployment/x")).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "x" });
    const admin = report.findings.find((f) => f.controlId === "SS-0035")!;
    expect(admin.subject).toEqual({ kind: "User", name: "jane" });
    expect(admin.related).toEqual([{ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: "jane-admin" }]);
  });

  it("merges two Kubescape ids of one control per resource, failed winning", () => {
    const sa = control(report, "SS-0034");
    expect(sa.status).toBe("failed");
    expect(sa.counts).toEqual({ passed: 0, failed: 1, excepted: 0, total: 1 });
    const [finding] = report.findings.filter((f) => f.controlId === "SS-0034");
    expect(finding.object).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" });
    expect(finding.fixPaths).toEqual([{ path: "spec.template.spec.automountServiceAccountToken", value: "false" }]);
  });

  it("keeps exceptions as excepted, with the exception's name", () => {
    const privileged = control(report, "SS-0057");
    expect(privileged.status).toBe("excepted");
    expect(privileged.counts).toEqual({ passed: 1, failed: 0, excepted: 1, total: 2 });
    expect(privileged.score).toBe(100);
    expect(report.summary.exceptionsApplied).toEqual({ "kubescape:allow-web-privileged": 1 });
    const finding = report.findings.find((f) => f.controlId === "SS-0057")!;
    expect(finding.exceptionId).toBe("kubescape:allow-web-privileged");
    expect(finding.paths).toEqual(["spec.template.spec.containers[0].securityContext.privileged"]);
  });

  it("keeps an unmapped control as KS:<id> with its severity from the base score", () => {
    expect(imported.unmappedControls).toEqual([
      { id: "KS:C-0999", kubescapeId: "C-0999", originalIds: [], name: "A future control", severity: "critical", kubescapeSeverity: "Critical" },
    ]);
    const future = control(report, "KS:C-0999");
    expect(future).toMatchObject({ status: "failed", severity: "critical", category: "workload", counts: { passed: 0, failed: 1, excepted: 0, total: 1 } });
    expect(report.summary.failedBySeverity.critical).toBeGreaterThanOrEqual(1);
    // Unmapped controls are not members of our frameworks.
    for (const f of report.frameworks) expect(f.controls.some((m) => m.controlId === "KS:C-0999")).toBe(false);
  });

  it("reports a skipped control as skipped, with Kubescape's reason", () => {
    const skipped = control(report, mapKubescapeControlId("C-0092")!);
    expect(skipped.status).toBe("skipped");
    expect(skipped.reason).toMatch(/configuration.*host sensor/);
    expect(skipped.score).toBeNull();
  });
});

describe("Kubescape import: the objects a report carries", () => {
  it("returns the real objects without Kubescape's sourcePath and without synthetic subjects", () => {
    const objects = kubescapeObjects(read("with_a_failure.json"));
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx-deployment" } });
    expect("sourcePath" in objects[0]).toBe(false);
    const many = kubescapeObjects(read("many_findings.json"));
    expect(many.every((o) => typeof o.apiVersion === "string" && o.metadata)).toBe(true);
    expect(many.some((o) => o.kind === "ServiceAccount" && !o.metadata)).toBe(false);
  });
});

describe("Kubescape ids", () => {
  it("renumbers legacy CIS ids and leaves current ones alone", () => {
    expect(currentKubescapeId("CIS-1.1.1")).toBe("C-0092");
    expect(currentKubescapeId("CIS-5.1.2")).toBe("C-0186");
    expect(currentKubescapeId("CIS-5.7.4")).toBe("C-0212");
    expect(currentKubescapeId("C-0057")).toBe("C-0057");
    expect(currentKubescapeId("CIS-9.9.9")).toBe("CIS-9.9.9");
  });
});

describe("Kubescape import: bad input", () => {
  const good = read("with_a_failure.json");

  it("refuses truncated JSON and says it was cut short", () => {
    expectImportError(() => importKubescapeResults(good.slice(0, 5000)), "invalid_json", /not complete JSON.*cut short/);
  });

  it("refuses an empty file and non-JSON text", () => {
    expectImportError(() => importKubescapeResults("   "), "invalid_json", /empty/);
    expectImportError(() => importKubescapeResults("controls: [C-0057]"), "invalid_json", /not valid JSON/);
  });

  it("names the field and the expected type when a field has the wrong type", () => {
    const doc = JSON.parse(good);
    doc.results[0].controls[2].controlID = 42;
    const error = expectImportError(() => importKubescapeResults(doc), "invalid_report", /results\[0\]\.controls\[2\]\.controlID: expected string, found number 42/);
    expect(error.issues[0].path).toBe("results[0].controls[2].controlID");

    const broken = JSON.parse(good);
    broken.summaryDetails = "oops";
    expectImportError(() => importKubescapeResults(broken), "invalid_report", /summaryDetails: expected object, found "oops"/);

    const missing = JSON.parse(good);
    delete missing.results[0].resourceID;
    expectImportError(() => importKubescapeResults(missing), "invalid_report", /results\[0\]\.resourceID: expected string, but the field is missing/);
  });

  it("recognises a Trivy or Grype file given as Kubescape results", () => {
    const trivy = fs.readFileSync(path.join(CORPUS, "vuln-reports/trivy/alpine-310.json.golden"), "utf8");
    expectImportError(() => importKubescapeResults(trivy), "wrong_format", /Trivy vulnerability report.*import vulns/);
    const grype = fs.readFileSync(path.join(CORPUS, "vuln-reports/grype/explain-ghsa-test.json"), "utf8");
    expectImportError(() => importKubescapeResults(grype), "wrong_format", /Grype vulnerability report/);
  });

  it("refuses JSON that is not a Kubescape report", () => {
    expectImportError(() => importKubescapeResults("null"), "wrong_format", /found null/);
    expectImportError(() => importKubescapeResults('{"apiVersion":"v1","kind":"Pod"}'), "wrong_format", /summaryDetails object is missing/);
    expectImportError(() => importKubescapeResults('[{"name":"nsa","controlReports":[]}]'), "wrong_format", /first JSON format \(v1\)/);
    const v3 = JSON.parse(good);
    v3.metadata.scanMetadata.formatVersion = "v3";
    expectImportError(() => importKubescapeResults(v3), "wrong_format", /format v3 is not supported/);
  });

  it("refuses files over the size limit before parsing", () => {
    expectImportError(() => importKubescapeResults(good, { maxBytes: 10_000 }), "too_large", /limited to 0\.0 MB/);
    expectImportError(() => importKubescapeResults(new TextEncoder().encode(good), { maxBytes: 10_000 }), "too_large", /the file is 0\.1 MB/);
  });
});
