import { evaluateNetworkPolicySupport } from "./cni-network-policy-support";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0205",
  name: "CNI plugin enforces NetworkPolicy",
  description:
    "Checks that at least one CNI plugin reported on the node (Calico, Cilium, Antrea, Weave Net, kube-router, …) enforces NetworkPolicy. Connectivity-only plugins such as Flannel alone or the AWS VPC CNI without its policy agent do not.",
  rationale:
    "With a plugin that ignores NetworkPolicy every policy in the cluster is silently inert: namespaces that look isolated are fully reachable, and lateral movement after one compromised pod is unrestricted.",
  severity: "medium",
  category: "network",
  evaluate: evaluateNetworkPolicySupport,
  remediation:
    "Run a CNI that enforces NetworkPolicy — for example Calico or Cilium, or Canal (Flannel plus Calico policy) — or enable the enforcement mode of your provider's CNI (the network policy agent of the AWS VPC CNI, Azure or Calico network policy on AKS, Dataplane V2 or network policy on GKE).",
  refs: {
    kubescape: ["C-0205"],
    cis: ["5.3.1"],
    cisEks: ["4.3.1"],
    cisAks: ["4.4.1"],
  },
});
