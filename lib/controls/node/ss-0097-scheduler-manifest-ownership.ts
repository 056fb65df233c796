import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0097",
  name: "Scheduler manifest is owned by root:root",
  description:
    "Checks that the kube-scheduler static pod manifest is owned by root:root.",
  rationale:
    "A non-root owner can rewrite the manifest and with it the scheduler's flags and image.",
  severity: "medium",
  roles: ["schedulerManifest"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the scheduler manifest.",
  refs: {
    kubescape: ["C-0097"],
    cis: ["1.1.6"],
  },
});
