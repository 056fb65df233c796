// who-can on rbac-tool's hand-written fixtures and on operators' chart RBAC. Where rbac-tool's own
// "Expect" comment disagrees with the API server's authorizer, the authorizer wins and the test says why.
import { describe, expect, it } from "vitest";
import type { SubjectRef } from "@/lib/engine/types";
import { buildRbacModel, type WhoCanQuery } from "@/lib/rbac";
import { indexOf, loadYaml } from "./corpus";

function whoCan(files: string[], query: WhoCanQuery): string[] {
  const model = buildRbacModel(indexOf(loadYaml(...files)));
  return model
    .whoCan(query)
    .filter((r) => !r.superuser)
    .map(({ subject: s }) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`))
    .sort();
}

describe("rbac-tool fixtures", () => {
  it("aggregated ClusterRole: its binding's subjects can get and create pods everywhere", () => {
    const expected = ["Group test-aggregate-group", "ServiceAccount test/test-aggregate-sa", "User test-aggregate-user"];
    expect(whoCan(["rbac-tool/testdata/whocan/clusterrole-aggregate.yaml"], { verb: "get", resource: "pods" })).toEqual(expected);
    expect(whoCan(["rbac-tool/testdata/whocan/clusterrole-aggregate.yaml"], { verb: "create", resource: "pods", namespace: "x" })).toEqual(expected);
    expect(whoCan(["rbac-tool/testdata/whocan/clusterrole-aggregate.yaml"], { verb: "delete", resource: "pods" })).toEqual([]);
  });

  it("pod creator Role: only in namespace test", () => {
    const file = ["rbac-tool/testdata/whocan/pod-creator.yaml"];
    expect(whoCan(file, { verb: "create", resource: "pods", namespace: "test" })).toEqual([
      "Group test-pod-creator-group",
      "ServiceAccount test/test-pod-creator-sa",
      "User test-pod-creator-user",
    ]);
    expect(whoCan(file, { verb: "create", resource: "pods", namespace: "default" })).toEqual([]);
    expect(whoCan(file, { verb: "create", resource: "pods" })).toEqual([]);
  });

  it("secret reader bound by a RoleBinding reads secrets of test, not cluster-wide", () => {
    const file = ["rbac-tool/testdata/whocan/secret-reader.yaml"];
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "test" })).toEqual([
      "ServiceAccount test/test-secret-reader-sa",
      "User test-secret-reader",
    ]);
    expect(whoCan(file, { verb: "list", resource: "secrets" })).toEqual([]);
  });

  it("resourceNames: only requests naming that Secret are allowed", () => {
    const file = ["rbac-tool/testdata/whocan/specific-resource-reader.yaml"];
    const readers = ["ServiceAccount test/test-specific-secret-reader-sa", "User test-specific-secret-reader"];
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "test", name: "some-secret" })).toEqual(readers);
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "test", name: "other" })).toEqual([]);
    expect(whoCan(file, { verb: "list", resource: "secrets", namespace: "test" })).toEqual([]);
  });

  it("impersonation by RoleBinding covers service accounts of that namespace, not users or groups", () => {
    const file = ["rbac-tool/testdata/whocan/impersonator.yaml"];
    expect(whoCan(file, { verb: "impersonate", resource: "serviceaccounts", namespace: "test" })).toEqual(["User test-impersonator-user"]);
    // users and groups are cluster-scoped: a RoleBinding cannot grant their impersonation
    expect(whoCan(file, { verb: "impersonate", resource: "users", namespace: "test" })).toEqual([]);
  });

  it("non-resource URLs are never granted through a RoleBinding (rbac-tool's expectation lists the user)", () => {
    const file = ["rbac-tool/testdata/whocan/nonresourceurl-reader.yaml"];
    expect(whoCan(file, { verb: "get", nonResourceURL: "/test-reader" })).toEqual([]);
  });

  it("gateway operator: writes on gateway.networking.k8s.io in test, and no get (the role has none)", () => {
    const file = ["rbac-tool/testdata/whocan/gatewat-api-operator.yaml"];
    expect(whoCan(file, { verb: "create", resource: "gateways", apiGroup: "gateway.networking.k8s.io", namespace: "test" })).toEqual([
      "ServiceAccount test/gateway-network-operator-sa",
      "User gateway-network-operator-user",
    ]);
    expect(whoCan(file, { verb: "get", resource: "gateways", apiGroup: "gateway.networking.k8s.io", namespace: "test" })).toEqual([]);
  });

  it("policy rules of a subject bound to two Roles come from both, with their paths", () => {
    const model = buildRbacModel(indexOf(loadYaml("rbac-tool/testdata/policyrules/multiple-role-bindings.yaml")));
    const subjects = model.subjects().map((s) => s.subject);
    expect(subjects).toHaveLength(1);
    const perms = model.effectivePermissions(subjects[0]);
    expect(new Set(perms.grants.map((g) => g.role.name))).toEqual(new Set(["some-rules", "more-rules"]));
    expect(perms.grants).toHaveLength(4);
  });
});

describe("operators' RBAC", () => {
  it("kube-state-metrics lists Secrets cluster-wide but cannot get one", () => {
    const file = ["operators/kube-state-metrics.yaml"];
    expect(whoCan(file, { verb: "list", resource: "secrets" })).toEqual(["ServiceAccount default/release-name-kube-state-metrics"]);
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "default", name: "x" })).toEqual([]);
  });

  it("rancher and velero bind cluster-admin, known from the bootstrap policy though their charts do not contain it", () => {
    const files = ["operators/rancher.yaml", "operators/velero.yaml"];
    expect(whoCan(files, { verb: "delete", resource: "nodes" })).toEqual([
      "ServiceAccount default/release-name-rancher",
      "ServiceAccount default/release-name-velero-server",
    ]);
    const model = buildRbacModel(indexOf(loadYaml(...files)));
    expect(model.role("ClusterRole", undefined, "cluster-admin")?.assumedBuiltin).toBe(true);
  });

  it("the dashboard reads only the Secrets it names", () => {
    const file = ["operators/kubernetes-dashboard.yaml"];
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "default", name: "kubernetes-dashboard-key-holder" })).toEqual([
      "ServiceAccount default/release-name-kubernetes-dashboard",
    ]);
    expect(whoCan(file, { verb: "get", resource: "secrets", namespace: "default", name: "db-password" })).toEqual([]);
    const dashboard: SubjectRef = { kind: "ServiceAccount", namespace: "default", name: "release-name-kubernetes-dashboard" };
    const model = buildRbacModel(indexOf(loadYaml(...file)));
    expect(model.can(dashboard, { verb: "create", resource: "secrets", namespace: "default" }).allowed).toBe(true);
    expect(model.can(dashboard, { verb: "create", resource: "secrets", namespace: "kube-system" }).allowed).toBe(false);
  });
});
