import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0162",
  name: "Kubelet service file permissions are 600 or stricter",
  description:
    "Checks that the kubelet's systemd unit and drop-in files grant no access beyond read-write for their owner.",
  rationale:
    "The service files hold the kubelet's command line; anyone who can edit them can restart the kubelet with authentication or authorization turned off.",
  severity: "medium",
  roles: ["kubeletService"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the kubelet unit and its drop-ins (for example /etc/systemd/system/kubelet.service.d/10-kubeadm.conf).",
  refs: {
    kubescape: ["C-0162"],
    cis: ["4.1.1"],
  },
});
