import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0287",
  name: "Users do not authenticate with service account tokens",
  description:
    "Manual review: people should not use service account tokens as their personal credentials.",
  rationale:
    "Service account tokens shared among people cannot be tied to an individual in the audit log, are often long-lived, and carry the workload's permissions.",
  severity: "medium",
  category: "access-control",
  manual: true,
  remediation:
    "Give people their own identities (OIDC or cloud IAM), delete long-lived token Secrets created for humans, and keep service accounts for workloads.",
  refs: {
    kubescape: ["C-0287"],
    cis: ["3.1.2"],
  },
});
