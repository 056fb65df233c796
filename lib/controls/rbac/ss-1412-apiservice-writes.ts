import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1412");

export default definePermissionControl({
  id: rule.id,
  name: "Write APIServices",
  description:
    "Fails each subject whose ClusterRoleBindings allow creating, changing or deleting APIService registrations.",
  rationale:
    "An APIService makes the API server forward a whole API group, with the caller's identity headers, to a service of the writer's choosing.",
  severity: rule.severity,
  category: "control-plane",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Only the cluster's provisioning pipeline should register aggregated APIs.",
  refs: { mitre: ["T1557"] },
  tags: ["risky-permission"],
});
