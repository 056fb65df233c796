import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1374",
  name: "Linux auditd logging is enabled on GKE nodes",
  description:
    "Manual review: a logging agent collects the nodes' Linux audit (auditd) logs.",
  rationale:
    "Node-level audit logs record process executions and privilege changes on the node, the trail left by a container escape.",
  severity: "low",
  category: "node",
  manual: true,
  remediation:
    "Deploy Google's COS auditd logging DaemonSet (or your own agent) and ship the logs to Cloud Logging with suitable retention.",
  refs: {
    cisGke: ["5.7.2"],
  },
});
