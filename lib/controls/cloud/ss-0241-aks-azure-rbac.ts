import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0241",
  name: "AKS uses Azure RBAC for Kubernetes authorization",
  description: "Checks that Azure RBAC for Kubernetes authorization is enabled (`aadProfile.enableAzureRBAC`).",
  rationale:
    "With Azure RBAC, access to the cluster's API is granted and revoked with Azure role assignments, audited in the Azure activity log and tied to Entra ID identities, instead of scattered RoleBindings nobody reviews.",
  severity: "high",
  category: "access-control",
  checks: {
    aks(properties) {
      const enabled = locate(properties, "aadProfile", "enableAzureRBAC");
      return isOn(enabled?.value)
        ? []
        : [{ message: "Azure RBAC for Kubernetes authorization is not enabled", paths: [enabled?.path ?? `${properties.path}.aadProfile.enableAzureRBAC`] }];
    },
  },
  remediation: "Run `az aks update --enable-aad --enable-azure-rbac` and grant access with the Azure Kubernetes Service RBAC built-in roles.",
  refs: {
    kubescape: ["C-0241"],
    cisAks: ["5.5.2"],
  },
});
