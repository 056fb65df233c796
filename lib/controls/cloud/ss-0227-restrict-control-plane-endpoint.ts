import type { Violation } from "../../engine/types";
import { defineClusterControl } from "./cloud-describe";
import { eksEndpoint, gkeEndpoint } from "./endpoint-access-checks";

export default defineClusterControl({
  id: "SS-0227",
  name: "Control plane endpoint is not open to the internet",
  description:
    "EKS: fails when private endpoint access is off, or when the public endpoint accepts connections from anywhere (no CIDR restriction or 0.0.0.0/0). GKE: fails when the endpoint is public and control-plane authorized networks are not enabled.",
  rationale:
    "An API server reachable from the whole internet is exposed to credential stuffing, stolen kubeconfigs and the next authentication bypass; restricting the networks that may connect removes most of that exposure.",
  severity: "high",
  category: "network",
  checks: {
    eks(cluster) {
      const endpoint = eksEndpoint(cluster);
      if (!endpoint) return null;
      const violations: Violation[] = [];
      if (!endpoint.privateAccess) {
        violations.push({ message: "Private endpoint access is disabled: nodes and operators reach the API server over the internet", paths: [endpoint.privateAccessPath] });
      }
      if (endpoint.openToInternet) {
        violations.push({ message: "The public API endpoint accepts connections from any address", paths: [endpoint.publicAccessCidrsPath] });
      }
      return violations;
    },
    gke(cluster) {
      const endpoint = gkeEndpoint(cluster);
      if (endpoint.privateEndpoint || endpoint.authorizedNetworks) return [];
      return [{ message: "The public API endpoint is not restricted by control-plane authorized networks", paths: [endpoint.authorizedNetworksPath] }];
    },
  },
  remediation:
    "EKS: `aws eks update-cluster-config --resources-vpc-config endpointPrivateAccess=true,publicAccessCidrs=<office/VPN CIDRs>` (or endpointPublicAccess=false). GKE: `gcloud container clusters update --enable-master-authorized-networks --master-authorized-networks <CIDRs>`.",
  refs: {
    kubescape: ["C-0227"],
    cisEks: ["5.4.1"],
    cisGke: ["5.6.3"],
  },
});
