import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0251",
  name: "Minimize user access to Azure Container Registry",
  description:
    "Manual review of Azure role assignments on container registries: only the push and delete rights each team needs.",
  rationale:
    "Anyone who can push to a registry the cluster pulls from can get code executed in the cluster.",
  severity: "medium",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Assign AcrPull/AcrPush per registry (or repository-scoped tokens) instead of Contributor or Owner, and review assignments regularly.",
  refs: {
    kubescape: ["C-0251"],
    cisAks: ["5.1.2"],
  },
});
