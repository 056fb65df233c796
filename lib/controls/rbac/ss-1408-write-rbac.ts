import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1408");

export default definePermissionControl({
  id: rule.id,
  name: "Write RBAC roles and bindings",
  description:
    "Fails each subject whose bindings allow creating, updating or patching Roles, ClusterRoles, RoleBindings or ClusterRoleBindings.",
  rationale:
    "RBAC writers shape everyone's permissions; combined with bind or escalate, or with existing broad roles to hand out, they can grant themselves anything.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Manage RBAC from version control through one deployment identity; people should propose changes, not apply them.",
  refs: { mitre: ["T1098"] },
  tags: ["risky-permission"],
});
