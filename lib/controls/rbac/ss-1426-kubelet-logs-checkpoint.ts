import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1426");

export default definePermissionControl({
  id: rule.id,
  name: "Read node logs or checkpoint containers",
  description:
    "Fails each subject whose ClusterRoleBindings allow `nodes/log` or `nodes/checkpoint` through the kubelet API.",
  rationale:
    "Node logs leak host and workload details; a checkpoint dumps a container's memory, secrets in it included, to the node.",
  severity: rule.severity,
  category: "node",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Give log shippers their own node-local access; keep `nodes/checkpoint` for forensic roles used under supervision.",
  refs: { mitre: ["T1005"] },
  tags: ["risky-permission"],
});
