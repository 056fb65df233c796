import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0096",
  name: "Scheduler manifest permissions are 600 or stricter",
  description:
    "Checks that the kube-scheduler static pod manifest grants no access beyond read-write for its owner.",
  rationale:
    "Whoever can edit the scheduler manifest decides how the scheduler runs and where pods land, and can run arbitrary containers on the control-plane node.",
  severity: "medium",
  roles: ["schedulerManifest"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600` on the scheduler manifest (/etc/kubernetes/manifests/kube-scheduler.yaml on kubeadm nodes).",
  refs: {
    kubescape: ["C-0096"],
    cis: ["1.1.5"],
  },
});
