import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-1381",
  name: "Cloud provider config file is owned by root:root",
  description:
    "Checks that the node's cloud provider configuration file (/etc/kubernetes/azure.json on AKS nodes) is owned by root:root.",
  rationale:
    "Another owner could rewrite the cloud identity settings the node's components rely on.",
  severity: "medium",
  roles: ["cloudProviderConfig"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the cloud provider config file.",
  refs: {
    cisAks: ["3.1.4"],
  },
});
