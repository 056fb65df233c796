import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0171",
  name: "Kubelet config file is owned by root:root",
  description:
    "Checks that the kubelet's `--config` file is owned by root:root.",
  rationale:
    "Another owner of the file can change the kubelet's security settings.",
  severity: "high",
  roles: ["kubeletConfig"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the kubelet config file.",
  refs: {
    kubescape: ["C-0171"],
    cis: ["4.1.10"],
    cisEks: ["3.1.4"],
    cisGke: ["3.1.4"],
  },
});
