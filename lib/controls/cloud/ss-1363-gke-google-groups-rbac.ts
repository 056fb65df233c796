import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1363",
  name: "GKE Google Groups for RBAC is enabled",
  description:
    "Checks that Google Groups for RBAC is enabled (`authenticatorGroupsConfig.enabled`), so RoleBindings can name Google groups instead of individual accounts.",
  rationale:
    "Binding roles to individual users scatters access across many bindings that nobody reviews when people change teams; groups keep access managed in one place.",
  severity: "low",
  checks: {
    gke(cluster) {
      const enabled = locate(cluster, "authenticatorGroupsConfig", "enabled");
      return isOn(enabled?.value) ? [] : [{ message: "Google Groups for RBAC is not enabled", paths: [enabled?.path ?? `${cluster.path}.authenticatorGroupsConfig`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --security-group=gke-security-groups@<domain>` and bind roles to groups.",
  refs: {
    cisGke: ["5.8.2"],
  },
});
