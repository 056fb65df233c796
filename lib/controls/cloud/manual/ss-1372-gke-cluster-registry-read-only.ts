import { defineControl } from "../../../engine/define-control";

export default defineControl({
  id: "SS-1372",
  name: "GKE nodes only read from container registries",
  description:
    "Manual review: the node service accounts should hold only read access (roles/artifactregistry.reader or storage objectViewer) on the registries the cluster pulls from.",
  rationale:
    "Pods can use the node's identity; write access there lets one compromised pod poison the registry.",
  severity: "medium",
  category: "cloud",
  manual: true,
  needs: ["cloud"],
  remediation:
    "Give node service accounts roles/artifactregistry.reader on the needed repositories and remove writer or storage admin roles.",
  refs: {
    cisGke: ["5.1.3"],
  },
});
