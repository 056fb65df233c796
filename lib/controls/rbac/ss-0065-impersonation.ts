import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0065",
  name: "Subjects that can impersonate other identities",
  description: "Fails each subject whose bindings allow the `impersonate` verb on users, groups, uids or service accounts.",
  rationale:
    "Impersonation lets a caller act as any user, group (system:masters included) or service account it may impersonate, with that identity's permissions.",
  severity: "high",
  patterns: CAPABILITY.impersonate,
  capability: "can impersonate other identities",
  remediation:
    "Remove `impersonate` from every role except those of authenticating proxies; restrict those with resourceNames to the identities they must assume.",
  refs: { kubescape: ["C-0065"], mitre: ["T1078"] },
});
