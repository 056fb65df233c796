import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-0308",
  name: "Minimize user access to GCP container registries",
  description:
    "Manual review of IAM bindings on Artifact Registry repositories and the GCR storage buckets: no broad storage or registry admin roles for people.",
  rationale:
    "Anyone who can push to a repository the cluster pulls from can get code executed in the cluster.",
  severity: "medium",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Grant roles/artifactregistry.writer only to CI identities on their repositories, roles/artifactregistry.reader to consumers, and remove project-wide storage admin roles.",
  refs: {
    kubescape: ["C-0308"],
    cisGke: ["5.1.2"],
  },
});
