import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0166",
  name: "Kubelet kubeconfig permissions are 600 or stricter",
  description:
    "Checks that the kubelet's `--kubeconfig` file (/etc/kubernetes/kubelet.conf on kubeadm nodes) grants no access beyond read-write for its owner.",
  rationale:
    "The kubelet's credentials let their holder act as the node: read the Secrets of its pods and report false node status.",
  severity: "medium",
  roles: ["kubeletKubeconfig"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the kubelet kubeconfig file.",
  refs: {
    kubescape: ["C-0166"],
    cis: ["4.1.5"],
  },
});
