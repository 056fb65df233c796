import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0289",
  name: "Image provenance is enforced at admission",
  description:
    "Manual review: an admission mechanism (ImagePolicyWebhook, a signature-verifying policy engine such as Kyverno or Sigstore policy-controller, or the provider's equivalent) should only admit images from trusted sources.",
  rationale:
    "Without provenance checks any image that can be referenced can run, including typosquatted or tampered ones.",
  severity: "medium",
  category: "admission",
  manual: true,
  remediation:
    "Sign images in CI and enforce verification at admission with a policy engine or ImagePolicyWebhook; restrict the registries workloads may use.",
  refs: {
    kubescape: ["C-0289"],
    cis: ["5.5.1"],
  },
});
