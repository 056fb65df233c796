// RBAC the demo fleet carries on top of the synthetic workloads, for the RBAC explorer: the same
// people and groups across clusters (a platform lead who is cluster-admin in some clusters and not
// others, an SRE group, on-call debuggers, a support team that impersonates users), a GitOps
// controller with cluster-admin behind a public load balancer (an attack path), a lax cluster that
// lets every service account read Secrets, and a "temporary" cluster-admin grant three days ago
// (RBAC drift this week). Entries have the shape of dashboard-demo.ts's recent changes, which
// stores them through the pipeline's own storage steps with the rest of each snapshot.
import type { K8sObject } from "@/lib/engine/types";
import { DEMO_ORGS } from "./demo-fleet";
import { stableUid } from "./deterministic-random";

type Subject = { kind: "User" | "Group" | "ServiceAccount"; name: string; namespace?: string };
type Rule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; resourceNames?: string[] };
export type RbacDemoChange = { cluster: string; fromDaysAgo: number; toDaysAgo?: number; objects: (cluster: string) => K8sObject[] };

const RBAC = "rbac.authorization.k8s.io/v1";
/** Present for the whole demo history (longer than any cluster's). */
const ALWAYS = 10_000;

const ALICE = "alice@acme.example";
const BOB = "bob@acme.example";
const CAROL = "carol@acme.example";

function subjects(list: Subject[]) {
  return list.map((s) => (s.kind === "ServiceAccount" ? s : { apiGroup: "rbac.authorization.k8s.io", ...s }));
}

function clusterRole(cluster: string, name: string, rules: Rule[], labels?: Record<string, string>): K8sObject {
  return { apiVersion: RBAC, kind: "ClusterRole", metadata: { name, uid: stableUid(cluster, "ClusterRole", name), ...(labels ? { labels } : {}) }, rules };
}

function clusterRoleBinding(cluster: string, name: string, role: string, who: Subject[]): K8sObject {
  return {
    apiVersion: RBAC,
    kind: "ClusterRoleBinding",
    metadata: { name, uid: stableUid(cluster, "ClusterRoleBinding", name) },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects: subjects(who),
  };
}

function roleBinding(cluster: string, namespace: string, name: string, role: { kind: "Role" | "ClusterRole"; name: string }, who: Subject[]): K8sObject {
  return {
    apiVersion: RBAC,
    kind: "RoleBinding",
    metadata: { name, namespace, uid: stableUid(cluster, "RoleBinding", namespace, name) },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", ...role },
    subjects: subjects(who),
  };
}

function namespace(cluster: string, name: string): K8sObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, uid: stableUid(cluster, "Namespace", name), labels: { "kubernetes.io/metadata.name": name } } };
}

function serviceAccount(cluster: string, ns: string, name: string): K8sObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: ns, uid: stableUid(cluster, "ServiceAccount", ns, name) } };
}

function firstAppNamespace(cluster: string): string {
  const spec = DEMO_ORGS.flatMap((o) => o.clusters).find((c) => c.name === cluster);
  return spec?.appNamespaces[0] ?? "default";
}

/** People and groups: platform admins, SREs, on-call debugging, support impersonation. */
function teamAccess(options: { platformAdmin: boolean; sreAdmin: boolean; oncallDebug: boolean; supportImpersonation?: boolean }) {
  return (cluster: string): K8sObject[] => {
    const objects: K8sObject[] = [
      // Everyone in engineering may look around (no Secrets: the built-in-style view role).
      clusterRoleBinding(cluster, "engineering-view", "view", [{ kind: "Group", name: "acme:engineering" }]),
      // The first application team edits its own namespace.
      roleBinding(cluster, firstAppNamespace(cluster), "app-team-edit", { kind: "ClusterRole", name: "edit" }, [
        { kind: "User", name: BOB },
        { kind: "Group", name: "acme:app-team" },
      ]),
    ];
    if (options.platformAdmin) objects.push(clusterRoleBinding(cluster, "platform-admins", "cluster-admin", [{ kind: "User", name: ALICE }]));
    if (options.sreAdmin) objects.push(clusterRoleBinding(cluster, "sre-admins", "cluster-admin", [{ kind: "Group", name: "acme:sre" }]));
    if (options.oncallDebug) {
      objects.push(
        clusterRole(cluster, "oncall-debug", [
          { apiGroups: [""], resources: ["pods", "pods/log", "events"], verbs: ["get", "list", "watch"] },
          { apiGroups: [""], resources: ["pods/exec", "pods/portforward"], verbs: ["create"] },
          { apiGroups: [""], resources: ["pods/ephemeralcontainers"], verbs: ["patch"] },
        ]),
        clusterRoleBinding(cluster, "oncall-debug", "oncall-debug", [
          { kind: "Group", name: "acme:oncall" },
          { kind: "User", name: CAROL },
        ]),
      );
    }
    if (options.supportImpersonation) {
      objects.push(
        clusterRole(cluster, "support-impersonator", [{ apiGroups: [""], resources: ["users", "groups"], verbs: ["impersonate"] }]),
        clusterRoleBinding(cluster, "support-impersonator", "support-impersonator", [{ kind: "Group", name: "acme:support" }]),
      );
    }
    return objects;
  };
}

/** Argo CD's application controller as commonly installed: cluster-admin, its API server public. */
function gitOpsController(cluster: string): K8sObject[] {
  const labels = { "app.kubernetes.io/name": "argocd-server" };
  return [
    namespace(cluster, "argocd"),
    serviceAccount(cluster, "argocd", "argocd-application-controller"),
    serviceAccount(cluster, "argocd", "argocd-server"),
    clusterRoleBinding(cluster, "argocd-application-controller", "cluster-admin", [{ kind: "ServiceAccount", name: "argocd-application-controller", namespace: "argocd" }]),
    // The UI's server runs as its own account, which the chart also binds broadly.
    clusterRole(cluster, "argocd-server", [
      { apiGroups: ["*"], resources: ["*"], verbs: ["get", "list", "watch", "delete", "patch"] },
      { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
    ]),
    clusterRoleBinding(cluster, "argocd-server", "argocd-server", [{ kind: "ServiceAccount", name: "argocd-server", namespace: "argocd" }]),
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "argocd-server", namespace: "argocd", uid: stableUid(cluster, "Deployment", "argocd", "argocd-server"), labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "argocd-server",
            containers: [
              {
                name: "argocd-server",
                image: "quay.io/argoproj/argocd:v2.13.1",
                ports: [{ containerPort: 8080 }],
                securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
                resources: { limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "argocd-server", namespace: "argocd", uid: stableUid(cluster, "Service", "argocd", "argocd-server") },
      spec: { type: "LoadBalancer", selector: labels, ports: [{ name: "https", port: 443, targetPort: 8080 }] },
    },
  ];
}

/** A legacy binding on the lax cluster: every service account may read every Secret. */
function allServiceAccountsReadSecrets(cluster: string): K8sObject[] {
  return [
    clusterRole(cluster, "legacy-secret-reader", [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }]),
    clusterRoleBinding(cluster, "legacy-all-sa-secret-reader", "legacy-secret-reader", [{ kind: "Group", name: "system:serviceaccounts" }]),
  ];
}

export const RBAC_DEMO_CHANGES: RbacDemoChange[] = [
  { cluster: "prod-us-east-1", fromDaysAgo: ALWAYS, objects: teamAccess({ platformAdmin: true, sreAdmin: true, oncallDebug: true }) },
  { cluster: "prod-us-east-1", fromDaysAgo: ALWAYS, objects: gitOpsController },
  { cluster: "prod-westeurope", fromDaysAgo: ALWAYS, objects: teamAccess({ platformAdmin: false, sreAdmin: true, oncallDebug: true, supportImpersonation: true }) },
  { cluster: "staging-europe-west1", fromDaysAgo: ALWAYS, objects: teamAccess({ platformAdmin: false, sreAdmin: true, oncallDebug: true }) },
  { cluster: "staging-europe-west1", fromDaysAgo: ALWAYS, objects: gitOpsController },
  // "Just for the migration": alice became cluster-admin in staging three days ago.
  { cluster: "staging-europe-west1", fromDaysAgo: 3, objects: (c) => [clusterRoleBinding(c, "alice-temp-admin", "cluster-admin", [{ kind: "User", name: ALICE }])] },
  { cluster: "dc1-frankfurt", fromDaysAgo: ALWAYS, objects: teamAccess({ platformAdmin: true, sreAdmin: true, oncallDebug: false }) },
  { cluster: "dc1-frankfurt", fromDaysAgo: ALWAYS, objects: allServiceAccountsReadSecrets },
  { cluster: "dev-kind", fromDaysAgo: ALWAYS, objects: teamAccess({ platformAdmin: true, sreAdmin: false, oncallDebug: true }) },
  { cluster: "edge-lab-k3s", fromDaysAgo: ALWAYS, objects: (c) => [clusterRoleBinding(c, "research-admins", "cluster-admin", [{ kind: "User", name: ALICE }, { kind: "Group", name: "acme:research" }])] },
];
