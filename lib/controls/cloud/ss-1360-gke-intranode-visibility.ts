import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1360",
  name: "GKE intranode visibility is enabled",
  description:
    "Checks that intranode visibility is enabled (`networkConfig.enableIntraNodeVisibility`), so pod-to-pod traffic on the same node passes through the VPC and appears in VPC flow logs.",
  rationale:
    "Without it, traffic between pods on one node never reaches the VPC network: flow logs, firewall rules and packet mirroring are blind to it.",
  severity: "low",
  checks: {
    gke(cluster) {
      const flag = locate(cluster, "networkConfig", "enableIntraNodeVisibility");
      return isOn(flag?.value) ? [] : [{ message: "Intranode visibility is disabled", paths: [flag?.path ?? `${cluster.path}.networkConfig`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --enable-intra-node-visibility`, and enable VPC flow logs on the cluster's subnet.",
  refs: {
    cisGke: ["5.6.1"],
  },
});
