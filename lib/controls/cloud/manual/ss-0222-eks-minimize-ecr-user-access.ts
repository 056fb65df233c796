import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0222",
  name: "Minimize user access to Amazon ECR",
  description:
    "Manual review of the IAM policies that grant people access to ECR repositories: only the push and delete rights each team needs, on its own repositories.",
  rationale:
    "Anyone who can push to a repository the cluster pulls from can get code executed in the cluster.",
  severity: "medium",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Grant ECR rights through repository-scoped IAM policies or repository policies, reserve push to CI roles, and review them periodically with IAM Access Analyzer.",
  refs: {
    kubescape: ["C-0222"],
    cisEks: ["5.1.2"],
  },
});
