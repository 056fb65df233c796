import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0007",
  name: "Subjects that can delete workloads or secrets",
  description:
    "Fails each subject whose bindings allow delete or deletecollection on Secrets, Pods, Services, Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs or CronJobs.",
  rationale:
    "Whoever can delete these objects can take applications down or destroy data at will; deletion rights are also a common way to cover tracks.",
  severity: "medium",
  patterns: CAPABILITY.deleteWorkloadsAndSecrets,
  capability: "can delete workloads, services or secrets",
  remediation:
    "Keep delete verbs for the controllers and release tooling that need them; give people read access and let changes go through the deployment pipeline.",
  refs: { kubescape: ["C-0007"], mitre: ["T1485"] },
});
