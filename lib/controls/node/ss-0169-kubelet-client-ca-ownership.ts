import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0169",
  name: "Kubelet client CA file is owned by root:root",
  description:
    "Checks that the CA bundle the kubelet uses to verify client certificates is owned by root:root.",
  rationale:
    "Another owner can replace the trusted CA and mint certificates the kubelet accepts.",
  severity: "high",
  roles: ["kubeletClientCA"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the kubelet client CA file.",
  refs: {
    kubescape: ["C-0169"],
    cis: ["4.1.8"],
  },
});
