// The object kinds the RBAC explorer reads from a cluster's stored state, with the API groups they
// must come from: a Knative `serving.knative.dev/Service` or a CRD named `Role` is not what the
// authorizer or the attack-path walk means.

export type ObjectKind = { group: string; kind: string };

export const RBAC_KINDS: readonly ObjectKind[] = [
  { group: "rbac.authorization.k8s.io", kind: "Role" },
  { group: "rbac.authorization.k8s.io", kind: "ClusterRole" },
  { group: "rbac.authorization.k8s.io", kind: "RoleBinding" },
  { group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding" },
  { group: "", kind: "ServiceAccount" },
];

/**
 * Everything the model, workloads' identities and attack paths need: RBAC, every pod-bearing kind
 * (owners included, so ReplicaSets and Pods fold into their Deployment), and what exposes workloads.
 */
export const RBAC_VIEW_KINDS: readonly ObjectKind[] = [
  ...RBAC_KINDS,
  { group: "", kind: "Namespace" },
  { group: "", kind: "Pod" },
  { group: "", kind: "ReplicationController" },
  { group: "apps", kind: "Deployment" },
  { group: "apps", kind: "StatefulSet" },
  { group: "apps", kind: "DaemonSet" },
  { group: "apps", kind: "ReplicaSet" },
  { group: "batch", kind: "Job" },
  { group: "batch", kind: "CronJob" },
  { group: "", kind: "Service" },
  { group: "networking.k8s.io", kind: "Ingress" },
  { group: "extensions", kind: "Ingress" },
  { group: "gateway.networking.k8s.io", kind: "HTTPRoute" },
  { group: "gateway.networking.k8s.io", kind: "GRPCRoute" },
  { group: "gateway.networking.k8s.io", kind: "TLSRoute" },
  { group: "gateway.networking.k8s.io", kind: "TCPRoute" },
  { group: "gateway.networking.k8s.io", kind: "UDPRoute" },
];
