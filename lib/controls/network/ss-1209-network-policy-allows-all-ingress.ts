import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { allowAllRules, POLICY_KINDS, rulesOfPolicy } from "./network-policy-coverage";

export default defineControl({
  id: "SS-1209",
  name: "NetworkPolicy admits all ingress",
  description:
    "Fails a NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy with an ingress rule that admits all sources on all ports (no peers and no ports, a 0.0.0.0/0 block, or the Cilium world/all entity).",
  rationale:
    "A rule that admits every source on every port cancels the isolation of the pods it selects: the policy looks protective in reviews while the pods stay reachable from anywhere, including outside the cluster.",
  severity: "medium",
  category: "network",
  kinds: [...POLICY_KINDS],
  evaluate(policy) {
    const rules = rulesOfPolicy(policy).filter((r) => r.isolates.ingress);
    if (rules.length === 0) return null;
    const violations: Violation[] = [];
    for (const rule of rules) {
      for (const open of allowAllRules(rule, "ingress")) {
        violations.push({
          message: `Ingress rule at ${open.path} admits all sources: ${open.reason}`,
          paths: [open.path],
        });
      }
    }
    return violations;
  },
  remediation:
    "Replace the open rule with rules naming the expected clients (podSelector/namespaceSelector or specific CIDRs) and ports. If a workload must be public, at least restrict the ports.",
  refs: {
    nsa: ["network-policies"],
  },
});
