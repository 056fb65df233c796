import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1411");

export default definePermissionControl({
  id: rule.id,
  name: "Write CustomResourceDefinitions",
  description:
    "Fails each subject whose ClusterRoleBindings allow creating, changing or deleting CustomResourceDefinitions.",
  rationale:
    "Deleting a CRD deletes every object of that type (policies, certificates, backups); changing one can break or subvert the operators that rely on it.",
  severity: rule.severity,
  category: "access-control",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Install CRDs with the cluster's provisioning pipeline; operators should not hold CRD write access at run time.",
  refs: { mitre: ["T1485"] },
  tags: ["risky-permission"],
});
