// The authorizer's matching rules, one behaviour per test, on small hand-written objects.
import { describe, expect, it } from "vitest";
import type { K8sObject, SubjectRef } from "@/lib/engine/types";
import {
  buildRbacModel,
  matchNonResourceRule,
  matchResourceRule,
  normalizeRule,
  serviceAccountOfUsername,
  type RbacRule,
} from "@/lib/rbac";
import { indexOf } from "./corpus";

const rule = (r: Partial<RbacRule>): RbacRule => normalizeRule(r)!;

describe("resource matching", () => {
  it("a `*` resource covers subresources", () => {
    expect(matchResourceRule(rule({ verbs: ["create"], apiGroups: [""], resources: ["*"] }), { verb: "create", resource: "pods", subresource: "exec" })).not.toBeNull();
  });
  it("`pods/*` matches no subresource and not pods itself", () => {
    const r = rule({ verbs: ["*"], apiGroups: [""], resources: ["pods/*"] });
    expect(matchResourceRule(r, { verb: "create", resource: "pods", subresource: "exec" })).toBeNull();
    expect(matchResourceRule(r, { verb: "get", resource: "pods" })).toBeNull();
  });
  it("`*/scale` matches the scale subresource of any resource, not the resource", () => {
    const r = rule({ verbs: ["update"], apiGroups: ["apps"], resources: ["*/scale"] });
    expect(matchResourceRule(r, { verb: "update", apiGroup: "apps", resource: "deployments", subresource: "scale" })).not.toBeNull();
    expect(matchResourceRule(r, { verb: "update", apiGroup: "apps", resource: "deployments" })).toBeNull();
  });
  it("`pods` does not cover `pods/exec`", () => {
    expect(matchResourceRule(rule({ verbs: ["*"], apiGroups: [""], resources: ["pods"] }), { verb: "create", resource: "pods", subresource: "exec" })).toBeNull();
  });
  it("API groups must match exactly unless `*`", () => {
    const r = rule({ verbs: ["get"], apiGroups: ["extensions"], resources: ["deployments"] });
    expect(matchResourceRule(r, { verb: "get", apiGroup: "apps", resource: "deployments" })).toBeNull();
  });
  it("reports the indexes of the entries that matched", () => {
    const m = matchResourceRule(rule({ verbs: ["list", "*"], apiGroups: ["apps", ""], resources: ["configmaps", "secrets", "*"] }), { verb: "get", resource: "secrets" });
    expect(m).toEqual({ verbs: [1], apiGroups: [1], resources: [1, 2], resourceNames: [], nonResourceURLs: [] });
  });
  it("resourceNames restrict to requests naming the object", () => {
    const r = rule({ verbs: ["get", "list"], apiGroups: [""], resources: ["secrets"], resourceNames: ["a"] });
    expect(matchResourceRule(r, { verb: "get", resource: "secrets", name: "a" })).not.toBeNull();
    expect(matchResourceRule(r, { verb: "get", resource: "secrets", name: "b" })).toBeNull();
    expect(matchResourceRule(r, { verb: "list", resource: "secrets" })).toBeNull();
  });
});

describe("non-resource URLs", () => {
  const r = rule({ verbs: ["get"], nonResourceURLs: ["/healthz", "/logs/*"] });
  it("match exactly, or by prefix with a trailing `*`", () => {
    expect(matchNonResourceRule(r, { verb: "get", nonResourceURL: "/healthz" })).not.toBeNull();
    expect(matchNonResourceRule(r, { verb: "get", nonResourceURL: "/healthz/etcd" })).toBeNull();
    expect(matchNonResourceRule(r, { verb: "get", nonResourceURL: "/logs/kube-apiserver.log" })).not.toBeNull();
    expect(matchNonResourceRule(r, { verb: "post", nonResourceURL: "/healthz" })).toBeNull();
  });
  it("a rule with only nonResourceURLs grants no resource", () => {
    expect(matchResourceRule(rule({ verbs: ["*"], nonResourceURLs: ["*"] }), { verb: "get", resource: "pods" })).toBeNull();
  });
});

const RBAC = "rbac.authorization.k8s.io/v1";
const readPods = { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "read-pods" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] };

function model(...objects: K8sObject[]) {
  return buildRbacModel(indexOf(objects));
}

describe("subjects and scopes", () => {
  it("a ServiceAccount subject without namespace means the RoleBinding's namespace", () => {
    const m = model(readPods, {
      apiVersion: RBAC, kind: "RoleBinding", metadata: { name: "b", namespace: "apps" },
      roleRef: { kind: "ClusterRole", name: "read-pods" }, subjects: [{ kind: "ServiceAccount", name: "web" }],
    });
    expect(m.can({ kind: "ServiceAccount", namespace: "apps", name: "web" }, { verb: "get", resource: "pods", namespace: "apps" }).allowed).toBe(true);
  });

  it("a ServiceAccount subject without namespace in a ClusterRoleBinding matches nobody", () => {
    const m = model(readPods, {
      apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "b" },
      roleRef: { kind: "ClusterRole", name: "read-pods" }, subjects: [{ kind: "ServiceAccount", name: "web" }],
    });
    expect(m.subjects()).toEqual([]);
  });

  it("a User named system:serviceaccount:<ns>:<name> is that service account", () => {
    expect(serviceAccountOfUsername("system:serviceaccount:apps:web")).toEqual({ kind: "ServiceAccount", namespace: "apps", name: "web" });
    const m = model(readPods, {
      apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "b" },
      roleRef: { kind: "ClusterRole", name: "read-pods" }, subjects: [{ kind: "User", name: "system:serviceaccount:apps:web" }],
    });
    expect(m.can({ kind: "ServiceAccount", namespace: "apps", name: "web" }, { verb: "get", resource: "pods" }).allowed).toBe(true);
  });

  it("service accounts inherit what is bound to system:serviceaccounts:<ns>, with the group as `via`", () => {
    const m = model(readPods, {
      apiVersion: RBAC, kind: "RoleBinding", metadata: { name: "b", namespace: "apps" },
      roleRef: { kind: "ClusterRole", name: "read-pods" }, subjects: [{ kind: "Group", name: "system:serviceaccounts:apps" }],
    });
    const web: SubjectRef = { kind: "ServiceAccount", namespace: "apps", name: "web" };
    const result = m.can(web, { verb: "get", resource: "pods", namespace: "apps" });
    expect(result.allowed).toBe(true);
    expect(result.grants[0].via).toEqual({ kind: "Group", name: "system:serviceaccounts:apps" });
    expect(m.can({ kind: "ServiceAccount", namespace: "other", name: "web" }, { verb: "get", resource: "pods", namespace: "apps" }).allowed).toBe(false);
    expect(m.effectivePermissions(web).groups).toEqual(["system:serviceaccounts", "system:serviceaccounts:apps", "system:authenticated"]);
  });

  it("a ClusterRoleBinding that references a Role grants nothing", () => {
    const m = model(
      { apiVersion: RBAC, kind: "Role", metadata: { name: "r", namespace: "default" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] },
      { apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "b" }, roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "User", name: "u" }] },
    );
    expect(m.bindings[0].problem).toMatch(/cannot reference a Role/);
    expect(m.can({ kind: "User", name: "u" }, { verb: "get", resource: "pods", namespace: "default" }).allowed).toBe(false);
  });

  it("namespaced objects written without a namespace are in default", () => {
    const m = model(
      { apiVersion: RBAC, kind: "Role", metadata: { name: "r" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] },
      { apiVersion: RBAC, kind: "RoleBinding", metadata: { name: "b" }, roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "User", name: "u" }] },
    );
    expect(m.can({ kind: "User", name: "u" }, { verb: "get", resource: "pods", namespace: "default" }).allowed).toBe(true);
  });

  it("aggregation selectors: an empty selector selects every other ClusterRole, cycles terminate", () => {
    const m = model(
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "a", labels: { x: "1" } }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { y: "1" } }] } },
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "b", labels: { y: "1" } }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { x: "1" } }] } },
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "c", labels: { y: "1" } }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["list"] }] },
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "all" }, aggregationRule: { clusterRoleSelectors: [{}] } },
    );
    expect(m.role("ClusterRole", undefined, "a")!.rules.map((r) => r.source.name)).toEqual(["c"]);
    expect(m.role("ClusterRole", undefined, "b")!.rules.map((r) => r.source.name)).toEqual(["c"]);
    expect(m.role("ClusterRole", undefined, "all")!.rules.map((r) => r.source.name)).toEqual(["c"]);
  });

  it("an aggregated role's own rules are replaced by the union", () => {
    const m = model(
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "agg" }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { pick: "yes" } }] }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "small", labels: { pick: "yes" } }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }] },
    );
    const agg = m.role("ClusterRole", undefined, "agg")!;
    expect(agg.rules).toHaveLength(1);
    expect(agg.rules[0].rule.resources).toEqual(["configmaps"]);
  });

  it("malformed rules and subjects are skipped, not fatal", () => {
    const m = model(
      { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "odd" }, rules: ["not-a-rule", null, { apiGroups: [""], resources: ["pods"], verbs: ["get"] }] },
      { apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "b" }, roleRef: { kind: "ClusterRole", name: "odd" }, subjects: [null, { kind: "Robot", name: "r2" }, { kind: "User", name: "u" }] },
    );
    const grants = m.directGrants({ kind: "User", name: "u" });
    expect(grants).toHaveLength(1);
    expect(grants[0].rule.index).toBe(2);
    expect(grants[0].subjectIndex).toBe(2);
  });

  it("whoCan needs a verb and a resource or URL", () => {
    expect(() => model().whoCan({ verb: "get" })).toThrow(/resource/);
  });
});
