import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1424");

export default definePermissionControl({
  id: rule.id,
  name: "Impersonate system:masters",
  description:
    "Fails each subject whose ClusterRoleBindings allow impersonating the system:masters group (unrestricted group impersonation included).",
  rationale:
    "Requests made as system:masters skip authorization entirely: this is cluster-admin that no RBAC rule can take back.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Remove group impersonation, or restrict it with resourceNames to groups that carry no privilege.",
  refs: { mitre: ["T1078"] },
  tags: ["risky-permission"],
});
