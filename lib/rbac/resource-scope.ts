// Which built-in resources are cluster-scoped, and the API group of well-known resources.
// A RoleBinding only authorizes requests made inside its namespace, so it can never grant access to a
// cluster-scoped resource (nodes, persistentvolumes, CSRs…), whatever its role says.

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(
  [
    ["", "nodes"],
    ["", "namespaces"],
    ["", "persistentvolumes"],
    ["", "componentstatuses"],
    // impersonation targets other than service accounts are checked without a namespace
    ["", "users"],
    ["", "groups"],
    ["", "uids"],
    ["authentication.k8s.io", "userextras"],
    ["authentication.k8s.io", "tokenreviews"],
    ["authentication.k8s.io", "selfsubjectreviews"],
    ["authorization.k8s.io", "subjectaccessreviews"],
    ["authorization.k8s.io", "selfsubjectaccessreviews"],
    ["authorization.k8s.io", "selfsubjectrulesreviews"],
    ["rbac.authorization.k8s.io", "clusterroles"],
    ["rbac.authorization.k8s.io", "clusterrolebindings"],
    ["apiextensions.k8s.io", "customresourcedefinitions"],
    ["apiregistration.k8s.io", "apiservices"],
    ["certificates.k8s.io", "certificatesigningrequests"],
    ["certificates.k8s.io", "signers"],
    ["certificates.k8s.io", "clustertrustbundles"],
    ["admissionregistration.k8s.io", "validatingwebhookconfigurations"],
    ["admissionregistration.k8s.io", "mutatingwebhookconfigurations"],
    ["admissionregistration.k8s.io", "validatingadmissionpolicies"],
    ["admissionregistration.k8s.io", "validatingadmissionpolicybindings"],
    ["admissionregistration.k8s.io", "mutatingadmissionpolicies"],
    ["admissionregistration.k8s.io", "mutatingadmissionpolicybindings"],
    ["storage.k8s.io", "storageclasses"],
    ["storage.k8s.io", "csidrivers"],
    ["storage.k8s.io", "csinodes"],
    ["storage.k8s.io", "volumeattachments"],
    ["storage.k8s.io", "volumeattributesclasses"],
    ["scheduling.k8s.io", "priorityclasses"],
    ["node.k8s.io", "runtimeclasses"],
    ["networking.k8s.io", "ingressclasses"],
    ["networking.k8s.io", "ipaddresses"],
    ["networking.k8s.io", "servicecidrs"],
    ["policy", "podsecuritypolicies"],
    ["flowcontrol.apiserver.k8s.io", "flowschemas"],
    ["flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations"],
    ["internal.apiserver.k8s.io", "storageversions"],
    ["resource.k8s.io", "deviceclasses"],
    ["resource.k8s.io", "resourceslices"],
    ["gateway.networking.k8s.io", "gatewayclasses"],
  ].map(([g, r]) => `${g}/${r}`),
);

/** True for built-in cluster-scoped resources (subresources follow their resource). Unknown = namespaced. */
export function isClusterScoped(apiGroup: string, resource: string): boolean {
  return CLUSTER_SCOPED.has(`${apiGroup}/${resource.split("/")[0]}`);
}

const GROUP_OF: Readonly<Record<string, string>> = {
  deployments: "apps",
  daemonsets: "apps",
  statefulsets: "apps",
  replicasets: "apps",
  controllerrevisions: "apps",
  jobs: "batch",
  cronjobs: "batch",
  roles: "rbac.authorization.k8s.io",
  rolebindings: "rbac.authorization.k8s.io",
  clusterroles: "rbac.authorization.k8s.io",
  clusterrolebindings: "rbac.authorization.k8s.io",
  certificatesigningrequests: "certificates.k8s.io",
  signers: "certificates.k8s.io",
  validatingwebhookconfigurations: "admissionregistration.k8s.io",
  mutatingwebhookconfigurations: "admissionregistration.k8s.io",
  validatingadmissionpolicies: "admissionregistration.k8s.io",
  validatingadmissionpolicybindings: "admissionregistration.k8s.io",
  customresourcedefinitions: "apiextensions.k8s.io",
  apiservices: "apiregistration.k8s.io",
  networkpolicies: "networking.k8s.io",
  ingresses: "networking.k8s.io",
  ingressclasses: "networking.k8s.io",
  storageclasses: "storage.k8s.io",
  csidrivers: "storage.k8s.io",
  volumeattachments: "storage.k8s.io",
  priorityclasses: "scheduling.k8s.io",
  runtimeclasses: "node.k8s.io",
  poddisruptionbudgets: "policy",
  podsecuritypolicies: "policy",
  horizontalpodautoscalers: "autoscaling",
  leases: "coordination.k8s.io",
  endpointslices: "discovery.k8s.io",
  tokenreviews: "authentication.k8s.io",
  subjectaccessreviews: "authorization.k8s.io",
  gateways: "gateway.networking.k8s.io",
  httproutes: "gateway.networking.k8s.io",
  gatewayclasses: "gateway.networking.k8s.io",
};

/** The API group kubectl would resolve a bare built-in resource name to ("" = core). */
export function defaultApiGroupOf(resource: string): string {
  return GROUP_OF[resource.split("/")[0]] ?? "";
}
