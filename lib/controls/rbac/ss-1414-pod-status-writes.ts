import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1414");

export default definePermissionControl({
  id: rule.id,
  name: "Update pod status",
  description:
    "Fails each subject whose bindings allow update or patch of `pods/status`.",
  rationale:
    "A forged pod status can fake readiness or addresses, pulling Service traffic to pods or IPs of the writer's choosing.",
  severity: rule.severity,
  category: "network",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Only kubelets should write pod status; remove `pods/status` from other roles.",
  refs: { mitre: ["T1565"] },
  tags: ["risky-permission"],
});
