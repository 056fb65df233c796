import { riskyPermissionRule } from "../../rbac/risky-permissions";
import { definePermissionControl } from "./permission-control";

const rule = riskyPermissionRule("SS-1416");

export default definePermissionControl({
  id: rule.id,
  name: "Rewire traffic: NetworkPolicies and endpoints",
  description:
    "Fails each subject whose bindings allow changing or deleting NetworkPolicies, or writing Endpoints or EndpointSlices.",
  rationale:
    "Deleting a NetworkPolicy silently opens the pods it protected; writing endpoints sends a Service's traffic, and its credentials, to an address of the writer's choosing.",
  severity: rule.severity,
  category: "network",
  patterns: rule.patterns,
  grantFilter: rule.grantFilter,
  capability: rule.capability,
  remediation:
    "Manage NetworkPolicies from version control; leave Endpoints and EndpointSlices to the endpoint controllers.",
  refs: { mitre: ["T1557"] },
  tags: ["risky-permission"],
});
