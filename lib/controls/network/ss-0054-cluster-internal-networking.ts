import { defineControl } from "../../engine/define-control";
import { evaluateNamespaceHasPolicy } from "./namespace-isolation";

export default defineControl({
  id: "SS-0054",
  name: "Cluster internal networking unrestricted",
  description: "Fails a namespace that has no NetworkPolicy or Cilium policy, leaving its pods reachable from every other pod.",
  rationale:
    "Kubernetes allows all pod-to-pod traffic by default. A namespace without policies gives an attacker who compromised any workload a direct path to move laterally into it.",
  severity: "medium",
  category: "network",
  kinds: ["Namespace"],
  evaluate: evaluateNamespaceHasPolicy,
  remediation:
    "Create NetworkPolicies (or Cilium policies) in the namespace: a default-deny policy plus explicit allow rules for the traffic the workloads need.",
  refs: {
    kubescape: ["C-0054"],
    nsa: ["network-policies"],
  },
});
