import { defineClusterControl } from "./cloud-describe";
import { eksEndpoint, gkeEndpoint } from "./endpoint-access-checks";

export default defineClusterControl({
  id: "SS-0228",
  name: "Control plane endpoint is private only",
  description:
    "EKS: checks that private endpoint access is enabled and public endpoint access disabled. GKE: checks that the cluster uses a private endpoint (`privateClusterConfig.enablePrivateEndpoint`).",
  rationale:
    "With no public endpoint the API server can only be reached from inside the VPC (or through a bastion or VPN), which takes it off the internet entirely.",
  severity: "high",
  category: "network",
  checks: {
    eks(cluster) {
      const endpoint = eksEndpoint(cluster);
      if (!endpoint) return null;
      if (endpoint.privateAccess && !endpoint.publicAccess) return [];
      const problems = [!endpoint.privateAccess ? "private access is disabled" : "", endpoint.publicAccess ? "public access is enabled" : ""].filter(Boolean);
      return [{ message: `The API endpoint is not private only: ${problems.join(" and ")}`, paths: [endpoint.path] }];
    },
    gke(cluster) {
      const endpoint = gkeEndpoint(cluster);
      return endpoint.privateEndpoint ? [] : [{ message: "The cluster's API endpoint is public", paths: [endpoint.privateConfigPath] }];
    },
  },
  remediation:
    "EKS: `aws eks update-cluster-config --resources-vpc-config endpointPrivateAccess=true,endpointPublicAccess=false` and reach the API through the VPC. GKE: create the cluster with `--enable-private-endpoint --enable-private-nodes` (it cannot be switched on later).",
  refs: {
    kubescape: ["C-0228"],
    cisEks: ["5.4.2"],
    cisGke: ["5.6.4"],
  },
});
