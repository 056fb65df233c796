import { defineClusterControl, isOn, locate } from "./cloud-describe";

export default defineClusterControl({
  id: "SS-1357",
  name: "GKE Shielded Nodes are enabled",
  description:
    "Checks that Shielded GKE Nodes are enabled for the cluster (`shieldedNodes.enabled`).",
  rationale:
    "Shielded nodes prove their identity to the control plane with a virtual TPM, so an attacker who steals a node's bootstrap credentials cannot impersonate the node from elsewhere.",
  severity: "medium",
  checks: {
    gke(cluster) {
      const enabled = locate(cluster, "shieldedNodes", "enabled");
      return isOn(enabled?.value) ? [] : [{ message: "Shielded GKE Nodes are not enabled", paths: [enabled?.path ?? `${cluster.path}.shieldedNodes`] }];
    },
  },
  remediation:
    "`gcloud container clusters update <cluster> --enable-shielded-nodes`.",
  refs: {
    cisGke: ["5.5.5"],
  },
});
