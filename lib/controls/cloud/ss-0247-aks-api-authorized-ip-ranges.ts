import { asList, defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0247",
  name: "AKS API server accepts connections only from authorized networks",
  description:
    "Checks that the AKS API server is either private (`apiServerAccessProfile.enablePrivateCluster`) or restricted to authorized IP ranges (`apiServerAccessProfile.authorizedIPRanges`).",
  rationale:
    "A public API server without authorized ranges is reachable from the entire internet; restricting it to known networks blocks anonymous probing and use of leaked credentials from elsewhere.",
  severity: "high",
  category: "network",
  checks: {
    aks(properties) {
      const access = locate(properties, "apiServerAccessProfile");
      if (isOn(locate(properties, "apiServerAccessProfile", "enablePrivateCluster")?.value)) return [];
      const ranges = asList(locate(properties, "apiServerAccessProfile", "authorizedIPRanges")?.value).map(String);
      if (ranges.length && !ranges.includes("0.0.0.0/0")) return [];
      return [
        {
          message: ranges.length ? "Authorized IP ranges include 0.0.0.0/0" : "The public API server has no authorized IP ranges",
          paths: [access?.path ? `${access.path}.authorizedIPRanges` : `${properties.path}.apiServerAccessProfile.authorizedIPRanges`],
        },
      ];
    },
  },
  remediation: "Run `az aks update --api-server-authorized-ip-ranges <CIDRs>` with the networks of your operators and CI, or make the cluster private.",
  refs: {
    kubescape: ["C-0247"],
    cisAks: ["5.4.1"],
  },
});
