import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0160",
  name: "API server has no audit policy",
  description: "Fails unless the kube-apiserver sets --audit-policy-file; without a policy no audit event is recorded at all.",
  rationale:
    "The audit policy decides which requests are logged and at what detail. With none, audit logging is off whatever log path or webhook is configured.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) =>
    requireFlag(instance, "audit-policy-file", "/etc/kubernetes/audit-policy.yaml", "no audit events are recorded"),
  remediation:
    "Write an audit policy (at least Metadata level for everything, no request bodies for Secrets) and pass it with `--audit-policy-file`, together with `--audit-log-path` or an audit webhook.",
  refs: { kubescape: ["C-0160"], cis: ["3.2.1"], nsa: ["audit-logging"], soc2: ["CC7.2"] },
});
