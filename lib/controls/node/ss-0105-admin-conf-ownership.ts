import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0105",
  name: "admin.conf is owned by root:root",
  description:
    "Checks that the cluster administrator kubeconfig is owned by root:root.",
  rationale:
    "The owner of admin.conf can read its cluster-admin credentials; that must be root only.",
  severity: "high",
  roles: ["adminConf"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root /etc/kubernetes/admin.conf`.",
  refs: {
    kubescape: ["C-0105"],
    cis: ["1.1.14"],
  },
});
