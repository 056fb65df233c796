import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0104",
  name: "admin.conf permissions are 600 or stricter",
  description:
    "Checks that the cluster administrator kubeconfig (/etc/kubernetes/admin.conf) grants no access beyond read-write for its owner.",
  rationale:
    "admin.conf holds a client certificate with cluster-admin (system:masters) rights that cannot be revoked through RBAC; any local account able to read it owns the cluster.",
  severity: "high",
  roles: ["adminConf"],
  maxMode: 0o600,
  remediation:
    "Run `chmod 600 /etc/kubernetes/admin.conf` on every control-plane node, and prefer per-user credentials over copying this file around.",
  refs: {
    kubescape: ["C-0104"],
    cis: ["1.1.13"],
  },
});
