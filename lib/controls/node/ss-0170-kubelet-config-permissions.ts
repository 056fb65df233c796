import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0170",
  name: "Kubelet config file permissions are 600 or stricter",
  description:
    "Checks that the kubelet's `--config` file grants no access beyond read-write for its owner.",
  rationale:
    "The config file decides the kubelet's authentication, authorization and TLS; a writable file lets a local user open the kubelet API at the next restart.",
  severity: "high",
  roles: ["kubeletConfig"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the kubelet config file (/var/lib/kubelet/config.yaml on kubeadm nodes).",
  refs: {
    kubescape: ["C-0170"],
    cis: ["4.1.9"],
  },
});
