import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1415");

export default definePermissionControl({
  id: rule.id,
  name: "Update service status",
  description:
    "Fails each subject whose bindings allow update or patch of `services/status`.",
  rationale:
    "Setting a LoadBalancer Service's ingress IP makes kube-proxy capture traffic meant for that address across the cluster (CVE-2020-8554).",
  severity: rule.severity,
  category: "network",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Only the cloud or load-balancer controller should write Service status.",
  refs: { mitre: ["T1557"] },
  tags: ["risky-permission"],
});
