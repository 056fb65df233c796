import { defineControl } from "../../engine/define-control";
import { evaluateNamespaceHasPolicy } from "./namespace-isolation";

export default defineControl({
  id: "SS-0049",
  name: "Namespace open to network mapping",
  description:
    "Fails a namespace in which no NetworkPolicy or Cilium policy is defined, so any pod in the cluster can probe every service and pod in it.",
  rationale:
    "Without network policies an attacker who lands in one pod can scan the whole cluster network to map services, versions and open ports before choosing the next target.",
  severity: "low",
  category: "network",
  kinds: ["Namespace"],
  evaluate: evaluateNamespaceHasPolicy,
  remediation:
    "Define NetworkPolicies in the namespace, starting with a default-deny policy, so only expected clients can connect to its pods.",
  refs: {
    kubescape: ["C-0049"],
    mitre: ["T1046"],
  },
});
