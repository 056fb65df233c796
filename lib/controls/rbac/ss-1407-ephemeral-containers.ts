import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1407");

export default definePermissionControl({
  id: rule.id,
  name: "Add ephemeral containers",
  description:
    "Fails each subject whose bindings allow update or patch of `pods/ephemeralcontainers`.",
  rationale:
    "An ephemeral container joins a running pod with an image and security context of the caller's choosing, sharing its network, volumes and service-account token.",
  severity: rule.severity,
  category: "workload",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Keep `pods/ephemeralcontainers` for on-call debugging roles bound for a limited time; Pod Security admission still applies to the injected container.",
  refs: { mitre: ["T1609"] },
  tags: ["risky-permission"],
});
