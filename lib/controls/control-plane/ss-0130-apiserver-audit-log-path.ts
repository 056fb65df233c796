import { defineControl } from "../../engine/define-control";
import { requireFlag } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0130",
  name: "API server does not write an audit log",
  description: "Fails unless the kube-apiserver sets --audit-log-path (a file, or `-` for standard output).",
  rationale:
    "The audit log is the record of who did what through the API. Without it a compromise, a leaked credential or an accidental deletion cannot be traced.",
  severity: "high",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireFlag(instance, "audit-log-path", "/var/log/kubernetes/audit/audit.log", "API requests are not recorded"),
  remediation:
    "Set `--audit-log-path` to a file on a persistent volume of the control-plane host (with `--audit-policy-file`), or ship the log to a central store.",
  refs: { kubescape: ["C-0130"], cis: ["1.2.16"], nsa: ["audit-logging"], soc2: ["CC7.2"] },
});
