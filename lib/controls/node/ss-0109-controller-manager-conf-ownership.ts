import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0109",
  name: "controller-manager.conf is owned by root:root",
  description:
    "Checks that the controller manager's kubeconfig is owned by root:root.",
  rationale:
    "Another owner can read the controller manager's powerful credentials.",
  severity: "medium",
  roles: ["controllerManagerConf"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root /etc/kubernetes/controller-manager.conf`.",
  refs: {
    kubescape: ["C-0109"],
    cis: ["1.1.18"],
  },
});
