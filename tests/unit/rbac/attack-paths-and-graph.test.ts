import { describe, expect, it } from "vitest";
import { getControl } from "@/lib/controls";
import { buildContext } from "@/lib/engine/build-context";
import { evaluateControl } from "@/lib/engine/evaluate-control";
import type { K8sObject } from "@/lib/engine/types";
import { buildRbacModel, computeAttackPaths, focusGraph } from "@/lib/rbac";
import { BOOTSTRAP_FILES, indexOf, loadYaml } from "./corpus";

const RBAC = "rbac.authorization.k8s.io/v1";

function deployment(ns: string, name: string, extra: Record<string, unknown> = {}): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { serviceAccountName: name, containers: [{ name: "c", image: "x" }], ...extra } },
    },
  };
}

const world: K8sObject[] = [
  deployment("shop", "web"),
  { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { type: "LoadBalancer", selector: { app: "web" } } },
  { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "god" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }] },
  { apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "web-god" }, roleRef: { kind: "ClusterRole", name: "god" }, subjects: [{ kind: "ServiceAccount", name: "web", namespace: "shop" }] },
  deployment("shop", "internal"),
  { apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: "internal-god" }, roleRef: { kind: "ClusterRole", name: "god" }, subjects: [{ kind: "ServiceAccount", name: "internal", namespace: "shop" }] },
];

describe("attack paths", () => {
  const index = indexOf(world);
  const paths = computeAttackPaths(buildRbacModel(index), index);

  it("starts only at exposed or privileged workloads", () => {
    expect(new Set(paths.map((p) => p.workload.name))).toEqual(new Set(["web"]));
  });

  it("reports every impact the token reaches, worst first, with its steps", () => {
    expect(paths.map((p) => p.impact)).toEqual(["cluster-admin", "read-all-secrets", "control-kube-system", "reach-nodes"]);
    const first = paths[0];
    expect(first.entry.kinds).toEqual(["exposed"]);
    expect(first.steps.map((s) => s.kind)).toEqual(["entry", "workload", "service-account", "permission", "impact"]);
    expect(first.related.map((r) => `${r.kind}/${r.name}`)).toEqual(["Service/web", "ClusterRoleBinding/web-god", "ClusterRole/god"]);
  });

  it("disappears when the pods do not mount the token", () => {
    const safe = world.map((o) => (o.metadata.name === "web" && o.kind === "Deployment" ? deployment("shop", "web", { automountServiceAccountToken: false }) : o));
    const i = indexOf(safe);
    expect(computeAttackPaths(buildRbacModel(i), i)).toEqual([]);
  });
});

describe("RBAC control findings", () => {
  it("carry the binding and role as related objects with Kubescape-style paths", () => {
    const ctx = buildContext({
      objects: [
        { apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "reader" }, rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] }, { apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["list", "get"] }] },
        { apiVersion: RBAC, kind: "RoleBinding", metadata: { name: "b", namespace: "ns" }, roleRef: { kind: "ClusterRole", name: "reader" }, subjects: [{ kind: "User", name: "x" }, { kind: "User", name: "u" }] },
      ],
    });
    const result = evaluateControl(getControl("SS-0015")!, ctx);
    const u = result.results.find((r) => r.resource.subject?.name === "u")!;
    expect(u.violations).toHaveLength(1);
    expect(u.violations[0].related?.map((r) => `${r.kind}/${r.namespace ?? ""}/${r.name}`)).toEqual(["RoleBinding/ns/b", "ClusterRole//reader"]);
    expect(u.violations[0].paths).toEqual([
      "relatedObjects[1].rules[1].resources[1]",
      "relatedObjects[1].rules[1].verbs[0]",
      "relatedObjects[1].rules[1].verbs[1]",
      "relatedObjects[1].rules[1].apiGroups[0]",
      "relatedObjects[0].subjects[1]",
      "relatedObjects[0].roleRef.name",
    ]);
  });
});

describe("focused graph", () => {
  const bootstrap = buildRbacModel(indexOf(loadYaml(...BOOTSTRAP_FILES)));

  it("around a subject: its bindings and their roles, with risk on the role", () => {
    const g = focusGraph(bootstrap, { subject: { kind: "Group", name: "system:masters" } }, { depth: 2 });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(["binding:ClusterRoleBinding/cluster-admin", "role:ClusterRole/cluster-admin", "subject:Group/system:masters"]);
    expect(g.nodes.find((n) => n.type === "role")!.risk).toBe("critical");
    expect(g.edges).toContainEqual({ from: "binding:ClusterRoleBinding/cluster-admin", to: "role:ClusterRole/cluster-admin", kind: "grants" });
  });

  it("around an aggregated role: the roles it carries", () => {
    const g = focusGraph(bootstrap, { role: { kind: "ClusterRole", name: "admin" } }, { depth: 1 });
    expect(g.edges.filter((e) => e.kind === "aggregates").map((e) => e.to).sort()).toEqual([
      "role:ClusterRole/system:aggregate-to-admin",
      "role:ClusterRole/system:aggregate-to-edit",
      "role:ClusterRole/system:aggregate-to-view",
    ]);
  });

  it("collapses wide neighbour lists and respects the node budget", () => {
    const objects: K8sObject[] = [{ apiVersion: RBAC, kind: "ClusterRole", metadata: { name: "popular" }, rules: [] }];
    for (let i = 0; i < 500; i++) {
      objects.push({ apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name: `b${i}` }, roleRef: { kind: "ClusterRole", name: "popular" }, subjects: [{ kind: "User", name: `u${i}` }] });
    }
    const g = focusGraph(buildRbacModel(indexOf(objects)), { role: { kind: "ClusterRole", name: "popular" } }, { depth: 3, maxNodes: 40, maxNeighbors: 10 });
    expect(g.nodes.length).toBeLessThanOrEqual(40);
    const collapsed = g.nodes.find((n) => n.type === "collapsed")!;
    expect(collapsed.hidden).toBe(490);
  });

  it("refuses a focus that is not in the scan", () => {
    expect(() => focusGraph(bootstrap, { role: { kind: "ClusterRole", name: "nope" } })).toThrow(/no ClusterRole nope/);
  });
});
