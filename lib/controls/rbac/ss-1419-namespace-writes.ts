import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1419");

export default definePermissionControl({
  id: rule.id,
  name: "Change namespaces",
  description:
    "Fails each subject whose ClusterRoleBindings allow update or patch of Namespaces.",
  rationale:
    "Namespace labels select the Pod Security admission level: removing `pod-security.kubernetes.io/enforce` lets privileged pods in.",
  severity: rule.severity,
  category: "admission",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Manage namespaces and their labels from the provisioning pipeline; nobody else should relabel them.",
  refs: { mitre: ["T1562"] },
  tags: ["risky-permission"],
});
