import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1405");

export default definePermissionControl({
  id: rule.id,
  name: "Write pod controllers",
  description:
    "Fails each subject whose bindings allow creating, updating or patching Deployments, DaemonSets, StatefulSets, ReplicaSets, Jobs, CronJobs or ReplicationControllers.",
  rationale:
    "Whoever writes a controller chooses the pods it creates: their images, service accounts and host access. It is pod creation by another name.",
  severity: rule.severity,
  category: "workload",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Route workload changes through the delivery pipeline; give people read access and the pipeline a namespaced role, with Pod Security admission enforced.",
  refs: { mitre: ["T1610"] },
  tags: ["risky-permission"],
});
