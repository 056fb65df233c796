import { defineControl } from "../../engine/define-control";

export default defineControl({
  id: "SS-0232",
  name: "Manage RBAC users through AWS IAM (EKS)",
  description:
    "Manual review: on EKS, human access should come from IAM identities mapped to Kubernetes groups (access entries or the aws-auth ConfigMap) rather than from static credentials.",
  rationale:
    "IAM-backed identities are revoked centrally and logged by CloudTrail; static tokens and client certificates outlive the people they were issued to.",
  severity: "high",
  category: "access-control",
  manual: true,
  remediation:
    "Map IAM roles to Kubernetes groups with EKS access entries (or aws-auth), bind those groups to namespaced Roles, and revoke any static credentials.",
  refs: { kubescape: ["C-0232"], cisEks: ["5.5.1"] },
});
