import { defineControl } from "../../engine/define-control";
import { evaluateNamespaceHasPolicy } from "./namespace-isolation";

export default defineControl({
  id: "SS-0206",
  name: "Namespace without network policies",
  description:
    "Fails a namespace in which no NetworkPolicy or CiliumNetworkPolicy is defined and no clusterwide Cilium policy selects all of its pods.",
  rationale:
    "Network policies are the cluster's firewall. A namespace with none has no segmentation at all: its pods accept and send traffic to anything the network can reach.",
  severity: "medium",
  category: "network",
  kinds: ["Namespace"],
  evaluate: evaluateNamespaceHasPolicy,
  remediation:
    "Add at least a default-deny NetworkPolicy to every namespace and open the required flows with explicit policies. Make sure the cluster's CNI enforces NetworkPolicy.",
  refs: {
    kubescape: ["C-0206"],
    cis: ["5.3.2"],
    cisAks: ["4.4.2"],
    cisEks: ["4.3.2"],
    cisGke: ["4.3.2"],
    nsa: ["network-policies"],
  },
});
