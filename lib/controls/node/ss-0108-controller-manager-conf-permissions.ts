import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0108",
  name: "controller-manager.conf permissions are 600 or stricter",
  description:
    "Checks that the controller manager's kubeconfig (/etc/kubernetes/controller-manager.conf) grants no access beyond read-write for its owner.",
  rationale:
    "The controller manager's credentials can create service account tokens and manage most workload objects; leaking them is close to losing the cluster.",
  severity: "medium",
  roles: ["controllerManagerConf"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600 /etc/kubernetes/controller-manager.conf`.",
  refs: {
    kubescape: ["C-0108"],
    cis: ["1.1.17"],
  },
});
