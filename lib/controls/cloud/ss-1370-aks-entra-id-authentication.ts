import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1370",
  name: "AKS users authenticate with Microsoft Entra ID",
  description: "Checks that the AKS cluster uses managed Microsoft Entra ID integration (`aadProfile.managed`) for user authentication.",
  rationale:
    "With Entra ID, users sign in with their organizational identity, with MFA and conditional access, and lose cluster access when they leave; without it people share long-lived certificate-based kubeconfigs.",
  severity: "medium",
  category: "access-control",
  checks: {
    aks(properties) {
      const managed = locate(properties, "aadProfile", "managed");
      return isOn(managed?.value)
        ? []
        : [{ message: "The cluster does not use managed Entra ID authentication", paths: [managed?.path ?? `${properties.path}.aadProfile`] }];
    },
  },
  remediation: "Run `az aks update --enable-aad --aad-admin-group-object-ids <group-id>` and grant access to Entra ID groups through RBAC or Azure RBAC.",
  refs: {
    cisAks: ["5.5.1"],
  },
});
