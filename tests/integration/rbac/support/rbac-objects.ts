// Small, hand-written RBAC worlds for the explorer's tests. Every expected answer in the tests is
// derived by hand from these objects and the Kubernetes RBAC rules, never from the code under test.
import type { K8sObject } from "@/lib/engine/types";

const RBAC = "rbac.authorization.k8s.io/v1";

type Subject = { kind: "User" | "Group" | "ServiceAccount"; name: string; namespace?: string };
type Rule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; resourceNames?: string[]; nonResourceURLs?: string[] };

export function namespace(name: string): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, uid: `ns-${name}` } };
}

export function clusterRole(name: string, rules: Rule[]): K8sObject {
  return { apiVersion: RBAC, kind: "ClusterRole", metadata: { name, uid: `cr-${name}` }, rules };
}

export function role(ns: string, name: string, rules: Rule[]): K8sObject {
  return { apiVersion: RBAC, kind: "Role", metadata: { name, namespace: ns, uid: `r-${ns}-${name}` }, rules };
}

function subjectsOf(subjects: Subject[]) {
  return subjects.map((s) => (s.kind === "ServiceAccount" ? { ...s } : { apiGroup: "rbac.authorization.k8s.io", ...s }));
}

export function clusterRoleBinding(name: string, roleName: string, subjects: Subject[]): K8sObject {
  return {
    apiVersion: RBAC,
    kind: "ClusterRoleBinding",
    metadata: { name, uid: `crb-${name}` },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
    subjects: subjectsOf(subjects),
  };
}

export function roleBinding(ns: string, name: string, roleRef: { kind: "Role" | "ClusterRole"; name: string }, subjects: Subject[]): K8sObject {
  return {
    apiVersion: RBAC,
    kind: "RoleBinding",
    metadata: { name, namespace: ns, uid: `rb-${ns}-${name}` },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", ...roleRef },
    subjects: subjectsOf(subjects),
  };
}

export function serviceAccount(ns: string, name: string): K8sObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns, uid: `sa-${ns}-${name}` } };
}

export function deployment(ns: string, name: string, serviceAccountName: string): K8sObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, uid: `deploy-${ns}-${name}`, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { serviceAccountName, containers: [{ name: "app", image: `registry.example/${name}:1.0.0` }] },
      },
    },
  };
}

export function service(ns: string, name: string, type: "ClusterIP" | "NodePort" | "LoadBalancer"): K8sObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns, uid: `svc-${ns}-${name}` },
    spec: { type, selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

const CLUSTER_ADMIN_RULES: Rule[] = [
  { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
  { nonResourceURLs: ["*"], verbs: ["*"] },
];

const POD_MANAGER_DAY0: Rule[] = [
  { apiGroups: [""], resources: ["pods"], verbs: ["create", "get", "list"] },
  { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
];

/**
 * Cluster "alpha" on day 0:
 * - system:masters and the ServiceAccount ci/deployer are bound to cluster-admin (ClusterRoleBindings);
 * - ServiceAccount shop/web reads Secrets in kube-system only (RoleBinding there → ClusterRole secret-reader);
 * - User alice@example.test, Group ops and User bob create pods and exec into them in shop (Role pod-manager);
 * - User mallory is bound to Role shop/sneaky, which does not exist as an RBAC Role: only a CRD of
 *   another API group named "Role" carries that name (it must grant nothing);
 * - Deployment ci/runner runs as ci/deployer behind a NodePort Service; shop/web is ClusterIP only.
 */
export function alphaDay0(): K8sObject[] {
  return [
    namespace("kube-system"),
    namespace("shop"),
    namespace("ci"),
    clusterRole("cluster-admin", CLUSTER_ADMIN_RULES),
    clusterRoleBinding("cluster-admin", "cluster-admin", [{ kind: "Group", name: "system:masters" }]),
    clusterRole("secret-reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]),
    roleBinding("kube-system", "secret-peek", { kind: "ClusterRole", name: "secret-reader" }, [{ kind: "ServiceAccount", name: "web", namespace: "shop" }]),
    serviceAccount("shop", "web"),
    serviceAccount("ci", "deployer"),
    clusterRoleBinding("ci-deployer", "cluster-admin", [{ kind: "ServiceAccount", name: "deployer", namespace: "ci" }]),
    role("shop", "pod-manager", POD_MANAGER_DAY0),
    roleBinding("shop", "ops", { kind: "Role", name: "pod-manager" }, [
      { kind: "User", name: "alice@example.test" },
      { kind: "Group", name: "ops" },
      { kind: "User", name: "bob" },
    ]),
    roleBinding("shop", "sneaky", { kind: "Role", name: "sneaky" }, [{ kind: "User", name: "mallory" }]),
    { apiVersion: "example.com/v1", kind: "Role", metadata: { name: "sneaky", namespace: "shop", uid: "crd-sneaky" }, rules: CLUSTER_ADMIN_RULES } as K8sObject,
    deployment("ci", "runner", "deployer"),
    service("ci", "runner", "NodePort"),
    deployment("shop", "web", "web"),
    service("shop", "web", "ClusterIP"),
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "shop", uid: "cm-settings" }, data: { mode: "demo" } },
  ];
}

/**
 * Day 1: alice gets cluster-admin (ClusterRoleBinding alice-admin), the kube-system secret-peek
 * binding is gone, and Role shop/pod-manager also allows attaching to pods.
 */
export function alphaDay1(): K8sObject[] {
  return [
    ...alphaDay0().filter((o) => !(o.kind === "RoleBinding" && o.metadata?.name === "secret-peek") && !(o.kind === "Role" && o.apiVersion === RBAC && o.metadata?.name === "pod-manager")),
    role("shop", "pod-manager", [...POD_MANAGER_DAY0, { apiGroups: [""], resources: ["pods/attach"], verbs: ["create"] }]),
    clusterRoleBinding("alice-admin", "cluster-admin", [{ kind: "User", name: "alice@example.test" }]),
  ];
}

/** Cluster "bravo": alice can only view pods there. */
export function bravo(): K8sObject[] {
  return [
    namespace("kube-system"),
    clusterRole("view-pods", [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }]),
    clusterRoleBinding("alice-view", "view-pods", [{ kind: "User", name: "alice@example.test" }]),
  ];
}
