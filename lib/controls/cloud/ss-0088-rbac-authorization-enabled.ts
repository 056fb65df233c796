import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0088",
  name: "Kubernetes RBAC is the cluster's authorizer",
  description:
    "AKS: checks that Kubernetes RBAC is enabled (`enableRBAC`). GKE: checks that legacy attribute-based authorization (ABAC) is disabled, since with it every authenticated user gets broad static permissions in addition to RBAC.",
  rationale:
    "Without RBAC (or with legacy ABAC alongside it) permissions cannot be granted per user and namespace: authenticated users and service accounts get far more than they need.",
  severity: "high",
  category: "access-control",
  checks: {
    aks(properties) {
      const rbac = locate(properties, "enableRBAC");
      if (rbac === undefined) return null;
      return isOn(rbac.value) ? [] : [{ message: "Kubernetes RBAC is disabled on this AKS cluster", paths: [rbac.path] }];
    },
    gke(cluster) {
      const abac = locate(cluster, "legacyAbac", "enabled");
      return isOn(abac?.value) ? [{ message: "Legacy ABAC authorization is enabled on this GKE cluster", paths: [abac!.path] }] : [];
    },
  },
  remediation:
    "AKS: RBAC can only be chosen at creation; create a new cluster with RBAC enabled (the default) and migrate. GKE: `gcloud container clusters update <cluster> --no-enable-legacy-authorization`.",
  refs: {
    kubescape: ["C-0088"],
    cisGke: ["5.8.3"],
  },
});
