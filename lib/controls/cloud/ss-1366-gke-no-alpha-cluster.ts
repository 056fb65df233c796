import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1366",
  name: "GKE cluster is not an alpha cluster",
  description:
    "Fails when Kubernetes alpha features are enabled on the cluster (`enableKubernetesAlpha`).",
  rationale:
    "Alpha clusters run unfinished features, cannot be upgraded and are deleted after 30 days; they are not fit for production workloads.",
  severity: "low",
  checks: {
    gke(cluster) {
      const alpha = locate(cluster, "enableKubernetesAlpha");
      return isOn(alpha?.value) ? [{ message: "Kubernetes alpha features are enabled", paths: [alpha!.path] }] : [];
    },
  },
  remediation:
    "Recreate the cluster without `--enable-kubernetes-alpha` and move the workloads.",
  refs: {
    cisGke: ["5.10.2"],
  },
});
