import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0246",
  name: "Nobody uses the system:masters group",
  description:
    "Manual review: no user or component credential (client certificate or token) should carry the system:masters group except break-glass access kept offline.",
  rationale:
    "Members of system:masters bypass RBAC and admission webhooks entirely, and the grant cannot be revoked by deleting a binding: only by rotating the CA or the credential.",
  severity: "high",
  category: "access-control",
  manual: true,
  remediation:
    "List the client certificates your CA issued with O=system:masters (kubeadm's admin.conf is one), replace day-to-day use with identities bound to cluster-admin through RBAC, and keep a single break-glass credential offline.",
  refs: {
    kubescape: ["C-0246"],
    cis: ["5.1.7"],
  },
});
