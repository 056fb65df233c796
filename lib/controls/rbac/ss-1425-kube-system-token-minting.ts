import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1425");

export default definePermissionControl({
  id: rule.id,
  name: "Mint tokens for kube-system service accounts",
  description:
    "Fails each subject whose bindings allow creating `serviceaccounts/token` in kube-system.",
  rationale:
    "kube-system service accounts belong to controllers with broad rights; a token for one of them is those rights.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Only the control plane should request tokens in kube-system; remove the grant from other roles.",
  refs: { mitre: ["T1528"] },
  tags: ["risky-permission"],
});
