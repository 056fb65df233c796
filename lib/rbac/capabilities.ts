// Named capabilities as request patterns. One definition per capability, shared by the risky-permission
// controls, the Kubescape-equivalent controls and attack paths, so they never disagree on meaning.
import { patternsFor, type PermissionPattern } from "./permission-patterns";

const WRITE = ["create", "update", "patch"];
const MODIFY = ["create", "update", "patch", "delete", "deletecollection"];
const READ = ["get", "list", "watch"];
/** Streaming subresources are opened with POST (create) and, over WebSocket, with GET (get). */
const CONNECT = ["create", "get"];

export const KUBE_SYSTEM = "kube-system";

export const CAPABILITY = {
  /** The literal full wildcard: every verb on every resource of every group. */
  everything: [{ verbs: ["*"], apiGroup: "*", resource: "*" }] as PermissionPattern[],
  /** Every verb on every core resource (Kubescape's "administrative" test: apiGroups "" or "*"). */
  everythingInCore: [{ verbs: ["*"], apiGroup: "", resource: "*" }] as PermissionPattern[],
  readSecrets: patternsFor("", ["secrets"], READ),
  readSecretsClusterWide: patternsFor("", ["secrets"], READ, { clusterWide: true }),
  readSecretsInKubeSystem: patternsFor("", ["secrets"], READ, { namespace: KUBE_SYSTEM }),
  createSecrets: patternsFor("", ["secrets"], ["create"]),
  createPods: patternsFor("", ["pods"], ["create"]),
  writePods: patternsFor("", ["pods"], WRITE),
  mutatePods: patternsFor("", ["pods"], ["update", "patch"]),
  writePodControllers: [
    ...patternsFor("apps", ["deployments", "daemonsets", "statefulsets", "replicasets"], WRITE),
    ...patternsFor("batch", ["jobs", "cronjobs"], WRITE),
    ...patternsFor("", ["replicationcontrollers"], WRITE),
  ],
  createWorkloadsInKubeSystem: [
    ...patternsFor("", ["pods"], ["create"], { namespace: KUBE_SYSTEM }),
    ...patternsFor("apps", ["deployments", "daemonsets", "statefulsets", "replicasets"], ["create", "update", "patch"], { namespace: KUBE_SYSTEM }),
    ...patternsFor("batch", ["jobs", "cronjobs"], ["create", "update", "patch"], { namespace: KUBE_SYSTEM }),
  ],
  exec: patternsFor("", ["pods/exec"], CONNECT),
  attach: patternsFor("", ["pods/attach"], CONNECT),
  portForward: patternsFor("", ["pods/portforward"], CONNECT),
  ephemeralContainers: patternsFor("", ["pods/ephemeralcontainers"], ["update", "patch"]),
  /** Any HTTP method through the node proxy reaches the kubelet API. */
  nodeProxy: patternsFor("", ["nodes/proxy"], ["get", "create", "update", "patch", "delete"]),
  escalate: patternsFor("rbac.authorization.k8s.io", ["roles", "clusterroles"], ["escalate"]),
  bind: patternsFor("rbac.authorization.k8s.io", ["roles", "clusterroles"], ["bind"]),
  impersonate: patternsFor("", ["users", "groups", "serviceaccounts", "uids"], ["impersonate"]),
  writeRbac: patternsFor("rbac.authorization.k8s.io", ["roles", "clusterroles", "rolebindings", "clusterrolebindings"], WRITE),
  approveCsr: patternsFor("certificates.k8s.io", ["certificatesigningrequests/approval"], ["update", "patch"]),
  signerApproveOrSign: patternsFor("certificates.k8s.io", ["signers"], ["approve", "sign"], { anyName: true }),
  updateCsrStatus: patternsFor("certificates.k8s.io", ["certificatesigningrequests/status"], ["update", "patch"]),
  writeWebhooks: patternsFor("admissionregistration.k8s.io", ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], MODIFY),
  writeAdmissionPolicies: [
    ...patternsFor(
      "admissionregistration.k8s.io",
      ["validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"],
      MODIFY,
    ),
    ...patternsFor("kyverno.io", ["clusterpolicies", "policies", "policyexceptions"], MODIFY),
    ...patternsFor("templates.gatekeeper.sh", ["constrainttemplates"], MODIFY),
    ...patternsFor("config.gatekeeper.sh", ["configs"], MODIFY),
  ],
  writeCrds: patternsFor("apiextensions.k8s.io", ["customresourcedefinitions"], MODIFY),
  writeApiServices: patternsFor("apiregistration.k8s.io", ["apiservices"], MODIFY),
  createPersistentVolumes: patternsFor("", ["persistentvolumes"], ["create"]),
  writeNodes: patternsFor("", ["nodes", "nodes/status"], ["update", "patch"]),
  writePodStatus: patternsFor("", ["pods/status"], ["update", "patch"]),
  writeServiceStatus: patternsFor("", ["services/status"], ["update", "patch"]),
  writeTrafficRouting: [
    ...patternsFor("networking.k8s.io", ["networkpolicies"], ["update", "patch", "delete", "deletecollection"]),
    ...patternsFor("", ["endpoints"], WRITE),
    ...patternsFor("discovery.k8s.io", ["endpointslices"], WRITE),
  ],
  writeAwsAuth: patternsFor("", ["configmaps"], ["update", "patch", "delete"], { namespace: KUBE_SYSTEM, name: "aws-auth" }),
  writeCoreDnsConfig: patternsFor("", ["configmaps"], ["update", "patch"], { namespace: KUBE_SYSTEM, name: "coredns" }),
  deleteEvents: [
    ...patternsFor("", ["events"], ["delete", "deletecollection"]),
    ...patternsFor("events.k8s.io", ["events"], ["delete", "deletecollection"]),
  ],
  deleteWorkloadsAndSecrets: [
    ...patternsFor("", ["secrets", "pods", "services"], ["delete", "deletecollection"]),
    ...patternsFor("apps", ["deployments", "replicasets", "daemonsets", "statefulsets"], ["delete", "deletecollection"]),
    ...patternsFor("batch", ["jobs", "cronjobs"], ["delete", "deletecollection"]),
  ],
  createTokens: patternsFor("", ["serviceaccounts/token"], ["create"]),
  writeNamespaces: patternsFor("", ["namespaces"], ["update", "patch"]),
  /** Anything touching workloads, remote execution, nodes or secrets (the "sensitive" set for broad groups). */
  touchWorkloadsNodesOrSecrets: [
    ...patternsFor("", ["pods", "pods/exec", "pods/attach", "pods/portforward", "nodes", "secrets"], "any"),
    ...patternsFor("apps", ["deployments", "statefulsets", "daemonsets", "replicasets"], "any"),
    ...patternsFor("batch", ["jobs", "cronjobs"], "any"),
  ],
} satisfies Record<string, PermissionPattern[]>;

export type CapabilityName = keyof typeof CAPABILITY;
