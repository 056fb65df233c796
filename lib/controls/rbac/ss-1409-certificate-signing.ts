import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1409");

export default definePermissionControl({
  id: rule.id,
  name: "Sign certificates or approve for signers",
  description:
    "Fails each subject whose ClusterRoleBindings allow `approve` or `sign` on `signers`, or update of `certificatesigningrequests/status`.",
  rationale:
    "Signing or approving for a signer issues certificates the API server or kubelets trust: client certificates for arbitrary users and groups, or serving certificates for any node.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Leave signing to the controller manager and dedicated certificate controllers; restrict signer verbs with resourceNames to the signer a component owns.",
  refs: { mitre: ["T1649"] },
  tags: ["risky-permission"],
});
