import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0052",
  name: "Cloud instance metadata API is reachable from the node network",
  description:
    "Fails on a node whose collector could reach the cloud provider's instance metadata endpoint (169.254.169.254) from the pod network; nodes where this was not tested are not judged.",
  rationale:
    "The metadata API hands out the node's cloud credentials and bootstrap data: a compromised pod that can reach it can act with the node's IAM role in the cloud account, often far beyond the cluster.",
  severity: "high",
  evaluate(node) {
    const reachable = node.spec?.cloud?.metadataApiReachable;
    if (typeof reachable !== "boolean") return null;
    return reachable
      ? [{ message: `Node ${node.spec.nodeName}: the instance metadata API is reachable from pods`, paths: ["spec.cloud.metadataApiReachable"] }]
      : [];
  },
  remediation:
    "Block pod access to 169.254.169.254 with a NetworkPolicy or the CNI's host-endpoint rules, and use the provider's protections: IMDSv2 with a hop limit of 1 on AWS, the GKE metadata server (Workload Identity) on GKE, and workload identity instead of node credentials on AKS.",
  refs: {
    kubescape: ["C-0052"],
    mitre: ["T1552.005"],
  },
});
