import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1410");

export default definePermissionControl({
  id: rule.id,
  name: "Change admission policies",
  description:
    "Fails each subject whose bindings allow changing ValidatingAdmissionPolicies, MutatingAdmissionPolicies, their bindings, or Kyverno and Gatekeeper policies.",
  rationale:
    "Admission policies are the guard rails that stop privileged pods and unsafe changes; whoever edits them can switch the guard rails off for everyone.",
  severity: rule.severity,
  category: "admission",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Manage policies from version control; bind policy-editing roles to the security team only.",
  refs: { mitre: ["T1562"] },
  tags: ["risky-permission"],
});
