import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0281",
  name: "Minimize access to admission webhook configurations",
  description:
    "Fails each subject whose ClusterRoleBindings allow creating, changing or deleting validating or mutating webhook configurations.",
  rationale:
    "A mutating webhook sees and may rewrite every admitted object, Secrets included; deleting a validating webhook silently switches off the policies it enforced.",
  severity: "high",
  category: "admission",
  patterns: CAPABILITY.writeWebhooks,
  capability: "can change admission webhooks",
  remediation: "Restrict webhook configuration writes to cluster administrators and the operators that own their webhooks, using resourceNames.",
  refs: { kubescape: ["C-0281"], cis: ["5.1.12"] },
});
