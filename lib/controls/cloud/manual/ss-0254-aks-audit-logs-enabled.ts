import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0254",
  name: "AKS audit logs are collected",
  description:
    "Manual review: AKS control-plane audit logs (kube-audit or kube-audit-admin categories) are sent to a Log Analytics workspace or storage through diagnostic settings, which the cluster description does not show.",
  rationale:
    "Without the audit log there is no record of who read Secrets, ran commands in containers or changed RBAC.",
  severity: "medium",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Create a diagnostic setting for the cluster that sends the kube-audit-admin (or kube-audit) category to Log Analytics or a storage account with suitable retention.",
  refs: {
    kubescape: ["C-0254"],
    cisAks: ["2.1.1"],
  },
});
