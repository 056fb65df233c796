import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1417");

export default definePermissionControl({
  id: rule.id,
  name: "Change the EKS aws-auth ConfigMap",
  description:
    "Fails each subject whose bindings allow update, patch or delete of the `aws-auth` ConfigMap in kube-system.",
  rationale:
    "aws-auth maps IAM identities to Kubernetes users and groups: whoever edits it can map any AWS principal to system:masters.",
  severity: rule.severity,
  category: "cloud",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Use EKS access entries instead of aws-auth, or restrict its edits to the cluster's provisioning identity.",
  refs: { mitre: ["T1098"] },
  tags: ["risky-permission"],
});
