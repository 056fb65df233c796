import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0106",
  name: "scheduler.conf permissions are 600 or stricter",
  description:
    "Checks that the scheduler's kubeconfig (/etc/kubernetes/scheduler.conf) grants no access beyond read-write for its owner.",
  rationale:
    "The file carries the scheduler's client credentials; a local user who reads it can act as the scheduler and bind pods to nodes of their choice.",
  severity: "medium",
  roles: ["schedulerConf"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600 /etc/kubernetes/scheduler.conf`.",
  refs: {
    kubescape: ["C-0106"],
    cis: ["1.1.15"],
  },
});
