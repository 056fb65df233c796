import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0101",
  name: "CNI configuration files are owned by root:root",
  description:
    "Checks that every CNI configuration file of the node is owned by root:root.",
  rationale:
    "A CNI file owned by another account can be changed by it, and with it the networking of every pod on the node.",
  severity: "medium",
  roles: ["cniConfig"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the files in the CNI configuration directory.",
  refs: {
    kubescape: ["C-0101"],
    cis: ["1.1.10"],
  },
});
