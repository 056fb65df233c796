import { defineClusterControl, locate } from "./cloud-describe";

const ENFORCING = new Set(["azure", "calico", "cilium"]);

export default defineClusterControl({
  id: "SS-0240",
  name: "AKS network policy engine is enabled",
  description:
    "Checks that the AKS cluster has a network policy engine (`networkProfile.networkPolicy`: azure, calico or cilium). Without one NetworkPolicy objects are accepted but not enforced.",
  rationale:
    "With no policy engine every pod can reach every other pod and service in the cluster, whatever NetworkPolicies say, so one compromised pod can move laterally anywhere.",
  severity: "medium",
  category: "network",
  checks: {
    aks(properties) {
      const policy = locate(properties, "networkProfile", "networkPolicy");
      const engine = String(policy?.value ?? "").toLowerCase();
      if (ENFORCING.has(engine)) return [];
      const plugin = locate(properties, "networkProfile", "networkPlugin")?.value;
      return [
        {
          message: `No network policy engine is enabled (networkPlugin ${plugin ?? "unknown"}, networkPolicy ${policy?.value ?? "none"})`,
          paths: [policy?.path ?? `${properties.path}.networkProfile.networkPolicy`],
        },
      ];
    },
  },
  remediation:
    "Enable a policy engine: `az aks update --network-policy azure|calico|cilium` (Azure CNI; kubenet clusters need Calico), then define NetworkPolicies per namespace.",
  refs: {
    kubescape: ["C-0240"],
    cisAks: ["5.4.4"],
  },
});
