import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0286",
  name: "Users do not authenticate with client certificates",
  description:
    "Manual review: human users should authenticate through OIDC or the cloud provider's identity integration, not with client certificates.",
  rationale:
    "Kubernetes cannot revoke a client certificate: a leaked or departed user's certificate keeps working until it expires or the CA is rotated.",
  severity: "medium",
  category: "access-control",
  manual: true,
  remediation:
    "Configure an OIDC identity provider (or the managed provider's IAM integration) for people, stop issuing user certificates, and shorten the lifetime of any that must remain.",
  refs: {
    kubescape: ["C-0286"],
    cis: ["3.1.1"],
  },
});
