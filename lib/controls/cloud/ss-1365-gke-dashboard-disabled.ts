import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1365",
  name: "GKE Kubernetes Dashboard add-on is disabled",
  description:
    "Checks that the legacy Kubernetes Dashboard add-on is not enabled (`addonsConfig.kubernetesDashboard.disabled`).",
  rationale:
    "The dashboard add-on ran with a highly privileged service account and has been the entry point of real cluster compromises.",
  severity: "medium",
  checks: {
    gke(cluster) {
      const dashboard = locate(cluster, "addonsConfig", "kubernetesDashboard");
      if (!dashboard || isOn(locate(dashboard, "disabled")?.value)) return [];
      return [{ message: "The Kubernetes Dashboard add-on is enabled", paths: [dashboard.path] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --update-addons=KubernetesDashboard=DISABLED`.",
  refs: {
    cisGke: ["5.10.1"],
  },
});
