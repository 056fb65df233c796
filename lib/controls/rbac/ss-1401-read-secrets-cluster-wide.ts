import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1401");

export default definePermissionControl({
  id: rule.id,
  name: "Read Secrets in every namespace",
  description:
    "Fails each subject whose ClusterRoleBindings allow get, list or watch on all Secrets of the cluster.",
  rationale:
    "Every service-account token, registry credential and TLS key of every namespace becomes readable: one compromised identity becomes all of them.",
  severity: rule.severity,
  category: "secrets",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Grant Secret reads per namespace with RoleBindings and, where possible, per Secret with resourceNames; controllers that watch Secrets cluster-wide should be few and reviewed.",
  refs: { cis: ["5.1.2"], mitre: ["T1552.007"] },
  tags: ["risky-permission"],
});
