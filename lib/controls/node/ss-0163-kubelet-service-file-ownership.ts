import { defineFileOwnershipControl } from "./node-file-controls";

export default defineFileOwnershipControl({
  id: "SS-0163",
  name: "Kubelet service file is owned by root:root",
  description:
    "Checks that the kubelet's systemd unit and drop-in files are owned by root:root.",
  rationale:
    "Another owner of these files controls the kubelet's flags and so the security of every pod on the node.",
  severity: "medium",
  roles: ["kubeletService"],
  owners: [["root", "root"]],
  remediation:
    "Run `chown root:root` on the kubelet unit and its drop-ins.",
  refs: {
    kubescape: ["C-0163"],
    cis: ["4.1.2"],
  },
});
