import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0092",
  name: "API server manifest permissions are 600 or stricter",
  description:
    "Checks that the kube-apiserver static pod manifest (/etc/kubernetes/manifests/kube-apiserver.yaml on kubeadm nodes) grants no access beyond read-write for its owner.",
  rationale:
    "The kubelet runs whatever this file says with full control-plane privileges: anyone who can write it can change API server flags (turn off authorization, add a malicious admission webhook) or run their own container on the control plane.",
  severity: "medium",
  roles: ["apiServerManifest"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the API server manifest on every control-plane node.",
  refs: {
    kubescape: ["C-0092"],
    cis: ["1.1.1"],
  },
});
