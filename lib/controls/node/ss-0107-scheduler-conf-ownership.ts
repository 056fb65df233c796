import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0107",
  name: "scheduler.conf is owned by root:root",
  description:
    "Checks that the scheduler's kubeconfig is owned by root:root.",
  rationale:
    "Another owner can read the scheduler's credentials and impersonate it.",
  severity: "medium",
  roles: ["schedulerConf"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root /etc/kubernetes/scheduler.conf`.",
  refs: {
    kubescape: ["C-0107"],
    cis: ["1.1.16"],
  },
});
