import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1402");

export default definePermissionControl({
  id: rule.id,
  name: "Read Secrets in kube-system",
  description:
    "Fails each subject whose RoleBindings in kube-system allow get, list or watch on its Secrets (cluster-wide readers are reported by SS-1401).",
  rationale:
    "kube-system holds the tokens and keys of the control plane's add-ons; reading them usually leads to cluster-admin.",
  severity: rule.severity,
  category: "secrets",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Keep kube-system Secrets readable only by the components that own them; move applications out of kube-system.",
  refs: { cis: ["5.1.2"], mitre: ["T1552.007"] },
  tags: ["risky-permission"],
});
