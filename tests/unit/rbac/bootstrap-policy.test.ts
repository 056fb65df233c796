// Who-can and aggregation on Kubernetes' own bootstrap RBAC policy. Expected subjects were read off
// the policy files by hand (roles' rules × bindings' subjects), not computed by the code under test.
import { describe, expect, it } from "vitest";
import { buildRbacModel } from "@/lib/rbac";
import type { SubjectRef } from "@/lib/engine/types";
import type { WhoCanResult } from "@/lib/rbac";
import { BOOTSTRAP_FILES, indexOf, loadYaml } from "./corpus";

const bootstrap = loadYaml(...BOOTSTRAP_FILES);
const model = buildRbacModel(indexOf(bootstrap));

function names(results: WhoCanResult[]): string[] {
  return results
    .map(({ subject: s }) => (s.kind === "ServiceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`))
    .sort();
}

const sa = (name: string) => `ServiceAccount kube-system/${name}`;

describe("bootstrap policy: who can", () => {
  it("create pods in kube-system: system:masters and the six controllers that create pods", () => {
    expect(names(model.whoCan({ verb: "create", resource: "pods", namespace: "kube-system" }))).toEqual(
      [
        "Group system:masters",
        sa("daemon-set-controller"),
        sa("job-controller"),
        sa("persistent-volume-binder"),
        sa("replicaset-controller"),
        sa("replication-controller"),
        sa("statefulset-controller"),
      ].sort(),
    );
  });

  it("read (get) secrets cluster-wide: masters, the controller manager, the garbage collector and the namespace controller", () => {
    expect(names(model.whoCan({ verb: "get", resource: "secrets" }))).toEqual(
      ["Group system:masters", "User system:kube-controller-manager", sa("generic-garbage-collector"), sa("namespace-controller")].sort(),
    );
  });

  it("list secrets cluster-wide adds the resource-quota controller (list/watch on */*)", () => {
    expect(names(model.whoCan({ verb: "list", resource: "secrets" }))).toEqual(
      [
        "Group system:masters",
        "User system:kube-controller-manager",
        sa("generic-garbage-collector"),
        sa("namespace-controller"),
        sa("resourcequota-controller"),
      ].sort(),
    );
  });

  it("get secrets in kube-system adds the two namespaced RoleBindings there", () => {
    expect(names(model.whoCan({ verb: "get", resource: "secrets", namespace: "kube-system" }))).toEqual(
      [
        "Group system:masters",
        "User system:kube-controller-manager",
        sa("bootstrap-signer"),
        sa("generic-garbage-collector"),
        sa("namespace-controller"),
        sa("token-cleaner"),
      ].sort(),
    );
  });

  it("escalate on clusterroles: masters and the role-aggregation controller", () => {
    expect(names(model.whoCan({ verb: "escalate", resource: "clusterroles" }))).toEqual(
      ["Group system:masters", sa("clusterrole-aggregation-controller")].sort(),
    );
  });

  it("grants nothing through the system:node binding, which has no subjects", () => {
    const nodeRole = model.role("ClusterRole", undefined, "system:node")!;
    expect(model.bindingsOfRole(nodeRole).every((b) => b.subjects.length === 0)).toBe(true);
  });

  it("lets system:unauthenticated read /version and /healthz but not /metrics", () => {
    const unauth: SubjectRef = { kind: "Group", name: "system:unauthenticated" };
    expect(model.can(unauth, { verb: "get", nonResourceURL: "/version" }).allowed).toBe(true);
    expect(model.can(unauth, { verb: "get", nonResourceURL: "/healthz" }).allowed).toBe(true);
    expect(model.can(unauth, { verb: "get", nonResourceURL: "/metrics" }).allowed).toBe(false);
  });
});

describe("bootstrap policy: system:masters", () => {
  const masters: SubjectRef = { kind: "Group", name: "system:masters" };

  it("is allowed anything, as the API server skips authorization for it", () => {
    for (const query of [
      { verb: "delete", resource: "nodes" },
      { verb: "impersonate", resource: "users" },
      { verb: "create", resource: "pods", subresource: "exec", namespace: "kube-system" },
      { verb: "frobnicate", resource: "widgets", apiGroup: "example.com", namespace: "x" },
      { verb: "get", nonResourceURL: "/debug/pprof/profile" },
    ]) {
      const result = model.can(masters, query);
      expect(result.allowed, JSON.stringify(query)).toBe(true);
      expect(result.superuser).toBe(true);
    }
  });

  it("appears in every who-can answer, even for a verb no rule names", () => {
    const result = model.whoCan({ verb: "frobnicate", resource: "widgets", apiGroup: "example.com" });
    expect(names(result)).toEqual(["Group system:masters"]);
    expect(result[0].superuser).toBe(true);
  });
});

describe("bootstrap policy: aggregated roles", () => {
  const admin = model.role("ClusterRole", undefined, "admin")!;
  const edit = model.role("ClusterRole", undefined, "edit")!;
  const view = model.role("ClusterRole", undefined, "view")!;
  const sources = (r: typeof admin) => [...new Set(r.rules.map((x) => x.source.name))].sort();

  it("view carries system:aggregate-to-view's rules only", () => {
    expect(sources(view)).toEqual(["system:aggregate-to-view"]);
    expect(view.rules).toHaveLength(10);
  });

  it("edit carries view's rules and system:aggregate-to-edit's", () => {
    expect(sources(edit)).toEqual(["system:aggregate-to-edit", "system:aggregate-to-view"]);
    expect(edit.rules).toHaveLength(13 + 10);
  });

  it("admin carries edit's, view's (transitively) and system:aggregate-to-admin's", () => {
    expect(sources(admin)).toEqual(["system:aggregate-to-admin", "system:aggregate-to-edit", "system:aggregate-to-view"]);
    expect(admin.rules).toHaveLength(2 + 13 + 10);
    expect(admin.aggregatedFrom.map((r) => r.name).sort()).toEqual(sources(admin));
  });

  it("a RoleBinding to edit lets its subject create pods and exec in that namespace only", () => {
    const withBinding = buildRbacModel(
      indexOf([
        ...bootstrap,
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "RoleBinding",
          metadata: { name: "devs", namespace: "team-a" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
          subjects: [{ kind: "Group", name: "devs", apiGroup: "rbac.authorization.k8s.io" }],
        },
      ]),
    );
    const devs: SubjectRef = { kind: "Group", name: "devs" };
    const inTeamA = withBinding.can(devs, { verb: "create", resource: "pods", namespace: "team-a" });
    expect(inTeamA.allowed).toBe(true);
    expect(inTeamA.grants[0].rule.source.name).toBe("system:aggregate-to-edit");
    expect(withBinding.can(devs, { verb: "create", resource: "pods", subresource: "exec", namespace: "team-a" }).allowed).toBe(true);
    expect(withBinding.can(devs, { verb: "create", resource: "pods", namespace: "team-b" }).allowed).toBe(false);
    expect(withBinding.can(devs, { verb: "list", resource: "pods" }).allowed).toBe(false);
    // edit does not include RBAC writes (admin does)
    expect(withBinding.can(devs, { verb: "create", resource: "rolebindings", namespace: "team-a" }).allowed).toBe(false);
  });
});
