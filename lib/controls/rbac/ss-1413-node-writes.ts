import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1413");

export default definePermissionControl({
  id: rule.id,
  name: "Change nodes or node status",
  description:
    "Fails each subject whose ClusterRoleBindings allow update or patch of Node objects or `nodes/status`.",
  rationale:
    "Changing labels, taints or status steers workloads, sensitive ones included, onto a node the attacker controls, or drains healthy nodes.",
  severity: rule.severity,
  category: "node",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Leave node writes to kubelets (limited by the NodeRestriction admission plugin) and the node lifecycle tooling.",
  refs: { mitre: ["T1578"] },
  tags: ["risky-permission"],
});
