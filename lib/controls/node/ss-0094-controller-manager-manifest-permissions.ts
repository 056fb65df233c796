import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0094",
  name: "Controller manager manifest permissions are 600 or stricter",
  description:
    "Checks that the kube-controller-manager static pod manifest grants no access beyond read-write for its owner.",
  rationale:
    "The controller manager holds the service-account signing key and cluster-wide credentials; editing its manifest lets an attacker change its flags or run code with those credentials.",
  severity: "medium",
  roles: ["controllerManagerManifest"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the controller manager manifest (/etc/kubernetes/manifests/kube-controller-manager.yaml on kubeadm nodes).",
  refs: {
    kubescape: ["C-0094"],
    cis: ["1.1.3"],
  },
});
