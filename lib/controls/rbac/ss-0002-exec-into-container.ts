import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0002",
  name: "Subjects that can exec into containers",
  description:
    "Fails each user, group or service account whose bindings allow `pods/exec` (create, or get for WebSocket clients) in any namespace.",
  rationale:
    "Exec gives a shell inside running containers: their secrets, tokens and network position become the caller's, and nothing of what is typed there appears in the workload's own logs.",
  severity: "high",
  patterns: CAPABILITY.exec,
  capability: "can exec into containers",
  remediation:
    "Grant `pods/exec` only to the few operators who debug workloads, preferably through a namespaced Role bound for a limited time; remove it from service accounts and broad groups.",
  refs: { kubescape: ["C-0002"], mitre: ["T1609"], nsa: ["rbac-least-privilege"] },
});
