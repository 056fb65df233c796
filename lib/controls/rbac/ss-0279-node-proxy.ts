import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0279",
  name: "Minimize access to the nodes/proxy subresource",
  description:
    "Fails each subject whose ClusterRoleBindings allow any verb on `nodes/proxy` (cluster-scoped: a RoleBinding cannot grant it).",
  rationale:
    "nodes/proxy reaches the kubelet API of every node: running commands in any pod there, outside the API server's admission and most of its audit.",
  severity: "high",
  category: "node",
  patterns: CAPABILITY.nodeProxy,
  capability: "can reach the kubelet API through nodes/proxy",
  remediation: "Remove `nodes/proxy` from roles; monitoring agents should read metrics through `nodes/metrics` or `nodes/stats` instead.",
  refs: { kubescape: ["C-0279"], cis: ["5.1.10"] },
});
