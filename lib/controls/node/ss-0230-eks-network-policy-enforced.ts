import { evaluateNetworkPolicySupport } from "./cni-network-policy-support";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0230",
  name: "Network policy enforcement is enabled on the nodes",
  description:
    "Checks from each node's CNI facts that NetworkPolicy is enforced there: on EKS this needs the VPC CNI's network policy agent or an added policy engine such as Calico; the VPC CNI alone does not enforce policies.",
  rationale:
    "The Amazon VPC CNI gives pods addresses but, without its policy agent, enforces no NetworkPolicy, so every pod can reach every other pod regardless of the policies written for the cluster.",
  severity: "medium",
  category: "network",
  evaluate: evaluateNetworkPolicySupport,
  remediation:
    "Enable network policy in the Amazon VPC CNI add-on (`enableNetworkPolicy: \"true\"`, VPC CNI 1.14 or later) or install a policy engine such as Calico alongside it, then define NetworkPolicies for each namespace.",
  refs: {
    kubescape: ["C-0230"],
    cisEks: ["5.4.4"],
  },
});
