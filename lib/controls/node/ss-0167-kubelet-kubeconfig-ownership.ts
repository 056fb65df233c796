import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0167",
  name: "Kubelet kubeconfig is owned by root:root",
  description:
    "Checks that the kubelet's `--kubeconfig` file is owned by root:root.",
  rationale:
    "Another owner can read the node's credentials or replace them.",
  severity: "medium",
  roles: ["kubeletKubeconfig"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the kubelet kubeconfig file.",
  refs: {
    kubescape: ["C-0167"],
    cis: ["4.1.6"],
    cisEks: ["3.1.2"],
    cisAks: ["3.1.2"],
  },
});
