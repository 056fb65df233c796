import type { Violation } from "../../engine/types";
import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0252",
  name: "AKS API server has a private endpoint and no public access",
  description:
    "Checks that the AKS cluster is private (`apiServerAccessProfile.enablePrivateCluster`) and that public network access is disabled (`publicNetworkAccess: Disabled`, no public FQDN for the private API server).",
  rationale:
    "A private endpoint only protects the API server if the public path is closed as well; otherwise it stays reachable, and attackable, from the internet.",
  severity: "high",
  category: "network",
  checks: {
    aks(properties) {
      const violations: Violation[] = [];
      const priv = locate(properties, "apiServerAccessProfile", "enablePrivateCluster");
      if (!isOn(priv?.value)) {
        violations.push({ message: "The API server has no private endpoint (not a private cluster)", paths: [priv?.path ?? `${properties.path}.apiServerAccessProfile.enablePrivateCluster`] });
      }
      const publicAccess = locate(properties, "publicNetworkAccess");
      if (String(publicAccess?.value ?? "Enabled") !== "Disabled") {
        violations.push({ message: "Public network access to the cluster is enabled", paths: [publicAccess?.path ?? `${properties.path}.publicNetworkAccess`] });
      }
      const publicFqdn = locate(properties, "apiServerAccessProfile", "enablePrivateClusterPublicFQDN");
      if (isOn(publicFqdn?.value)) {
        violations.push({ message: "The private API server also has a public DNS name", paths: [publicFqdn!.path] });
      }
      return violations;
    },
  },
  remediation:
    "Create the cluster with `--enable-private-cluster --disable-public-fqdn`, and set `--public-network-access Disabled`; reach the API through the virtual network, a jump host or `az aks command invoke`.",
  refs: {
    kubescape: ["C-0252"],
    cisAks: ["5.4.2"],
  },
});
