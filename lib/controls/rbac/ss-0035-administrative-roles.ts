import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0035",
  name: "Subjects with administrative roles",
  description:
    "Fails each subject whose bindings grant every verb on every resource (`*` on `*`, core or all API groups), cluster-wide or in a namespace.",
  rationale:
    "Full wildcard access is administrator access: in a namespace it includes every Secret and service-account token there, cluster-wide it is the whole cluster.",
  severity: "high",
  patterns: CAPABILITY.everythingInCore,
  capability: "has administrative (wildcard) access",
  remediation:
    "Bind administrative roles only to a small, audited group of humans; give applications and CI roles that list the resources and verbs they use.",
  refs: { kubescape: ["C-0035"], mitre: ["T1078"], nsa: ["rbac-least-privilege"], soc2: ["CC6.1"] },
});
