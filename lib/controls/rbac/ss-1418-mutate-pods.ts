import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1418");

export default definePermissionControl({
  id: rule.id,
  name: "Change running pods",
  description:
    "Fails each subject whose bindings allow update or patch of pods.",
  rationale:
    "Patching a running pod's image swaps the code that runs with its service account and mounted Secrets, without creating anything new.",
  severity: rule.severity,
  category: "workload",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Change pods through their controllers; keep pod update and patch for controllers only.",
  refs: { mitre: ["T1525"] },
  tags: ["risky-permission"],
});
