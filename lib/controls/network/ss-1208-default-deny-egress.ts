import { defineControl } from "../../engine/define-control";
import { evaluateNamespaceDefaultDeny } from "./namespace-isolation";

export default defineControl({
  id: "SS-1208",
  name: "Namespace without a default-deny egress policy",
  description:
    "Fails a non-system namespace in which no NetworkPolicy (or Cilium policy) selects every pod and isolates egress without also admitting all destinations back.",
  rationale:
    "Unrestricted egress lets a compromised pod download tooling, exfiltrate data, call the cloud metadata endpoint and reach any internal service. A default-deny egress baseline forces every outbound flow to be declared.",
  severity: "medium",
  category: "network",
  kinds: ["Namespace"],
  evaluate: (namespace, ctx) => evaluateNamespaceDefaultDeny(namespace, ctx, "egress"),
  remediation:
    "Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Egress]` (allowing only DNS to kube-system), then allow each workload's required destinations explicitly.",
  refs: {
    nsa: ["network-policies"],
  },
});
