import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0235",
  name: "Kubelet config file permissions are 644 or stricter",
  description:
    "Checks that the kubelet's `--config` file is writable by its owner only (the managed-Kubernetes benchmarks accept world-readable, as the file holds no secrets).",
  rationale:
    "Write access to the kubelet config file is enough to weaken the kubelet's authentication and authorization at its next restart.",
  severity: "medium",
  roles: ["kubeletConfig"],
  maxMode: 0o644,
  remediation:
    "Run `chmod 644` (or stricter) on the kubelet config file, for example /etc/kubernetes/kubelet/kubelet-config.json on EKS nodes.",
  refs: {
    kubescape: ["C-0235"],
    cisEks: ["3.1.3"],
    cisGke: ["3.1.3"],
  },
});
