import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0185",
  name: "Subjects bound to cluster-admin",
  description:
    "Fails each subject that a ClusterRoleBinding binds to the `cluster-admin` ClusterRole (a RoleBinding to it only gives one namespace).",
  rationale:
    "cluster-admin can do anything to any object, read every Secret and grant itself anything else; each extra holder is a full-cluster compromise waiting for one stolen credential.",
  severity: "high",
  patterns: CAPABILITY.everythingInCore,
  grantFilter: (g) => g.binding.kind === "ClusterRoleBinding" && g.role.kind === "ClusterRole" && g.role.name === "cluster-admin",
  capability: "is cluster-admin",
  remediation:
    "Keep the default `cluster-admin` binding to system:masters only for break-glass use; bind people and tools to narrower roles, namespaced where possible.",
  refs: { kubescape: ["C-0185"], cis: ["5.1.1"], cisEks: ["4.1.1"], cisAks: ["4.1.1"], cisGke: ["4.1.1"] },
});
