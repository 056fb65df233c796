import { defineClusterControl } from "./cloud-describe";
import { eksEndpoint, gkeEndpoint } from "./endpoint-access-checks";

export default defineClusterControl({
  id: "SS-0229",
  name: "Nodes are private and reach a restricted endpoint",
  description:
    "GKE: checks that nodes have only private addresses (`enablePrivateNodes`). EKS has no cluster-level private-nodes switch: the check is the benchmark's — nodes use the private endpoint and the public endpoint is not open to every address.",
  rationale:
    "Nodes with public addresses, or nodes that must cross the internet to reach an open API endpoint, widen the attack surface of every workload they run.",
  severity: "high",
  category: "network",
  checks: {
    eks(cluster) {
      const endpoint = eksEndpoint(cluster);
      if (!endpoint) return null;
      if (endpoint.privateAccess && !endpoint.openToInternet) return [];
      return [
        {
          message: endpoint.openToInternet
            ? "The public API endpoint is open to any address; private nodes should reach it through the private endpoint only"
            : "Private endpoint access is disabled: private nodes cannot reach the API server inside the VPC",
          paths: [endpoint.path],
        },
      ];
    },
    gke(cluster) {
      const endpoint = gkeEndpoint(cluster);
      return endpoint.privateNodes ? [] : [{ message: "GKE nodes have public IP addresses (private nodes are disabled)", paths: [endpoint.privateConfigPath] }];
    },
  },
  remediation:
    "EKS: put node groups in private subnets, enable private endpoint access and restrict `publicAccessCidrs`. GKE: create node pools with `--enable-private-nodes` (cluster-wide on older versions).",
  refs: {
    kubescape: ["C-0229"],
    cisEks: ["5.4.3"],
    cisGke: ["5.6.5"],
  },
});
