import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0191",
  name: "Limit bind, escalate and impersonate",
  description:
    "Fails each subject whose bindings allow `bind` or `escalate` on roles or cluster roles, or `impersonate` on users, groups, uids or service accounts.",
  rationale:
    "These verbs bypass RBAC's own privilege-escalation checks: bind and escalate let a subject grant permissions it does not hold, impersonate lets it act as someone who does.",
  severity: "high",
  patterns: [...CAPABILITY.bind, ...CAPABILITY.escalate, ...CAPABILITY.impersonate],
  capability: "can bind, escalate or impersonate",
  remediation:
    "Remove these verbs from every role except the role-aggregation controller's and authenticating proxies'; where a tool must bind roles, restrict `bind` with resourceNames to the roles it hands out.",
  refs: { kubescape: ["C-0191"], cis: ["5.1.8"], cisEks: ["4.1.8"], cisGke: ["4.1.7"], mitre: ["T1078"] },
});
