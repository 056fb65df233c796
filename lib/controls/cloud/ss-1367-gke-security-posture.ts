import { defineClusterControl, locate } from "./cloud-describe";
import { enumIs } from "./gke-node-pools";

export default defineClusterControl({
  id: "SS-1367",
  name: "GKE security posture dashboard is enabled",
  description:
    "Checks that GKE security posture is enabled (`securityPostureConfig.mode` BASIC or ENTERPRISE).",
  rationale:
    "Security posture continuously checks workloads for misconfigurations and known vulnerabilities, so regressions surface without a separate scan.",
  severity: "low",
  checks: {
    gke(cluster) {
      const mode = locate(cluster, "securityPostureConfig", "mode");
      if (enumIs(mode?.value, ["BASIC", "ENTERPRISE", 2, 3])) return [];
      return [{ message: "Security posture is disabled", paths: [mode?.path ?? `${cluster.path}.securityPostureConfig`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --security-posture=standard`.",
  refs: {
    cisGke: ["5.10.4"],
  },
});
