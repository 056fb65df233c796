import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1361",
  name: "GKE cluster is VPC-native",
  description:
    "Checks that the cluster uses alias IP ranges for pods and services (`ipAllocationPolicy.useIpAliases`).",
  rationale:
    "VPC-native clusters make pod addresses first-class in the VPC: anti-spoofing checks, firewall rules and private Google access apply to them, and routes-based workarounds are not needed.",
  severity: "low",
  checks: {
    gke(cluster) {
      const flag = locate(cluster, "ipAllocationPolicy", "useIpAliases");
      return isOn(flag?.value) ? [] : [{ message: "The cluster is routes-based, not VPC-native", paths: [flag?.path ?? `${cluster.path}.ipAllocationPolicy`] }];
    },
  },
  remediation:
    "VPC-native mode is chosen at creation (`--enable-ip-alias`, the default for new clusters); migrate routes-based clusters to a new VPC-native cluster.",
  refs: {
    cisGke: ["5.6.2"],
  },
});
