import { defineControl } from "../../engine/define-control";
import { evaluateNamespaceDefaultDeny } from "./namespace-isolation";

export default defineControl({
  id: "SS-1207",
  name: "Namespace without a default-deny ingress policy",
  description:
    "Fails a non-system namespace in which no NetworkPolicy (or Cilium policy) selects every pod and isolates ingress without also admitting all traffic back.",
  rationale:
    "Policies written per workload leave every new or relabelled pod open. A namespace-wide default-deny makes isolation the default, so a missing allow rule breaks a connection instead of silently leaving a pod reachable.",
  severity: "medium",
  category: "network",
  kinds: ["Namespace"],
  evaluate: (namespace, ctx) => evaluateNamespaceDefaultDeny(namespace, ctx, "ingress"),
  remediation:
    "Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress]` and no ingress rules to the namespace, then add specific policies that allow each workload's expected clients.",
  refs: {
    nsa: ["network-policies"],
  },
});
