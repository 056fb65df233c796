import { defineControl } from "../../engine/define-control";
import { requireAuditRetention } from "./audit-log-retention";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0133",
  name: "API server rotates audit logs too early",
  description:
    "Fails unless the kube-apiserver sets --audit-log-maxsize to at least the configured size in megabytes (setting auditLogMaxSize, default 100); 0 (the 100 MB default) passes.",
  rationale: "Small audit files combined with a bounded number of backups keep only a short window of history.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance, ctx) =>
    requireAuditRetention(instance, "audit-log-maxsize", ctx.settings.auditLogMaxSize, "MB", "little audit history fits before rotation"),
  remediation: "Set `--audit-log-maxsize=100` (megabytes, or more) on the API server.",
  refs: { kubescape: ["C-0133"], cis: ["1.2.19"], soc2: ["CC7.2"] },
});
