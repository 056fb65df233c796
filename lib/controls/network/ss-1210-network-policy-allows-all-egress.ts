import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { allowAllRules, POLICY_KINDS, rulesOfPolicy } from "./network-policy-coverage";

export default defineControl({
  id: "SS-1210",
  name: "NetworkPolicy admits all egress",
  description:
    "Fails a NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy with an egress rule that admits all destinations on all ports (no peers and no ports, a 0.0.0.0/0 block, or the Cilium world/all entity).",
  rationale:
    "A rule that admits every destination on every port cancels egress isolation: the selected pods can reach the internet, the cloud metadata endpoint and every internal service.",
  severity: "low",
  category: "network",
  kinds: [...POLICY_KINDS],
  evaluate(policy) {
    const rules = rulesOfPolicy(policy).filter((r) => r.isolates.egress);
    if (rules.length === 0) return null;
    const violations: Violation[] = [];
    for (const rule of rules) {
      for (const open of allowAllRules(rule, "egress")) {
        violations.push({
          message: `Egress rule at ${open.path} admits all destinations: ${open.reason}`,
          paths: [open.path],
        });
      }
    }
    return violations;
  },
  remediation:
    "Replace the open rule with rules for the destinations the workload needs (DNS, specific services, specific CIDRs with except lists) and their ports.",
  refs: {
    nsa: ["network-policies"],
  },
});
