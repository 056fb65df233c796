import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1404");

export default definePermissionControl({
  id: rule.id,
  name: "Create workloads in kube-system",
  description:
    "Fails each subject whose bindings allow creating pods, or creating or changing Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs or CronJobs, in kube-system.",
  rationale:
    "A pod in kube-system can run as any of its highly privileged service accounts and is usually exempt from Pod Security enforcement: a direct path to cluster-admin and to the nodes.",
  severity: rule.severity,
  category: "workload",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Deploy add-ons into kube-system only from the cluster's provisioning pipeline; nobody else should write workloads there.",
  refs: { mitre: ["T1610"] },
  tags: ["risky-permission"],
});
