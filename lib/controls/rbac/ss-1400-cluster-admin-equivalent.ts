import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1400");

export default definePermissionControl({
  id: rule.id,
  name: "Cluster-admin equivalent access",
  description:
    "Fails each subject whose ClusterRoleBindings grant every verb on every resource of every API group, whatever the role is called.",
  rationale:
    "A copy of cluster-admin under another name escapes reviews that only look for the cluster-admin role, while giving exactly the same control over the cluster.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Bind subjects to roles that list the resources they manage; keep full wildcard access to the break-glass cluster-admin binding.",
  refs: { mitre: ["T1078"], cis: ["5.1.1"] },
  tags: ["risky-permission"],
});
