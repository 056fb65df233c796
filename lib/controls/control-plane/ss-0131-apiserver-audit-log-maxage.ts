import { defineControl } from "../../engine/define-control";
import { requireAuditRetention } from "./audit-log-retention";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0131",
  name: "API server keeps audit logs too briefly",
  description:
    "Fails unless the kube-apiserver sets --audit-log-maxage to at least the configured number of days (setting auditLogMaxAge, default 30); 0 (no age limit) passes.",
  rationale: "Intrusions are often found weeks later; rotated audit files deleted after a few days leave nothing to investigate.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance, ctx) =>
    requireAuditRetention(instance, "audit-log-maxage", ctx.settings.auditLogMaxAge, "days", "old audit files may be deleted before anyone looks at them"),
  remediation: "Set `--audit-log-maxage=30` (or longer, per your retention policy) on the API server, or forward audit events to a central log store.",
  refs: { kubescape: ["C-0131"], cis: ["1.2.17"], soc2: ["CC7.2"] },
});
