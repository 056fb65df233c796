import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-1380",
  name: "Cloud provider config file permissions are 644 or stricter",
  description:
    "Checks that the node's cloud provider configuration file (/etc/kubernetes/azure.json on AKS nodes) is writable by its owner only.",
  rationale:
    "The file tells the kubelet and cloud integrations which identity and resources to use, and on some setups holds service principal credentials; a writable file lets a local user redirect or steal them.",
  severity: "medium",
  roles: ["cloudProviderConfig"],
  maxMode: 0o644,
  remediation:
    "Run `chmod 644` (or 600 when it holds a client secret) on the cloud provider config file.",
  refs: {
    cisAks: ["3.1.3"],
  },
});
