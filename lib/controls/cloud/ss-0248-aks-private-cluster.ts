import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-0248",
  name: "AKS cluster is private",
  description:
    "Checks that the AKS cluster is a private cluster (`apiServerAccessProfile.enablePrivateCluster`): the API server gets a private address in the cluster's virtual network and nodes talk to it privately.",
  rationale:
    "In a private cluster neither the API server nor the node traffic to it crosses the internet, which removes the most exposed entry point of the cluster.",
  severity: "high",
  category: "network",
  checks: {
    aks(properties) {
      const priv = locate(properties, "apiServerAccessProfile", "enablePrivateCluster");
      return isOn(priv?.value)
        ? []
        : [{ message: "The AKS cluster is not private: its API server has a public address", paths: [priv?.path ?? `${properties.path}.apiServerAccessProfile.enablePrivateCluster`] }];
    },
  },
  remediation: "Private mode is chosen at creation (`az aks create --enable-private-cluster`) or enabled with API server VNet integration; migrate workloads to a private cluster.",
  refs: {
    kubescape: ["C-0248"],
    cisAks: ["5.4.3"],
  },
});
