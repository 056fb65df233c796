import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1371",
  name: "AKS local accounts are disabled",
  description: "Checks that the AKS cluster has local accounts disabled (`disableLocalAccounts`), so `az aks get-credentials --admin` cannot hand out the static cluster-admin certificate.",
  rationale:
    "The local admin kubeconfig is a cluster-admin credential that bypasses Entra ID, conditional access and auditing of who used it; anyone with the Azure role to fetch it owns the cluster.",
  severity: "high",
  category: "access-control",
  checks: {
    aks(properties) {
      const disabled = locate(properties, "disableLocalAccounts");
      return isOn(disabled?.value)
        ? []
        : [{ message: "Local accounts (static admin credentials) are enabled", paths: [disabled?.path ?? `${properties.path}.disableLocalAccounts`] }];
    },
  },
  remediation: "With Entra ID integration in place, run `az aks update --disable-local-accounts` and rotate the cluster certificates to revoke admin kubeconfigs already handed out.",
  refs: {},
});
