import { defineControl } from "../../engine/define-control";
import { requireAuditRetention } from "./audit-log-retention";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0132",
  name: "API server keeps too few rotated audit files",
  description:
    "Fails unless the kube-apiserver sets --audit-log-maxbackup to at least the configured count (setting auditLogMaxBackup, default 10); 0 (keep all) passes.",
  rationale: "Each rotation past the limit deletes the oldest audit file; a low count can erase the history of an incident within hours on a busy cluster.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance, ctx) =>
    requireAuditRetention(instance, "audit-log-maxbackup", ctx.settings.auditLogMaxBackup, "files", "audit history is deleted after few rotations"),
  remediation: "Set `--audit-log-maxbackup=10` (or more) on the API server.",
  refs: { kubescape: ["C-0132"], cis: ["1.2.18"], soc2: ["CC7.2"] },
});
