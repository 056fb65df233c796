import { defineControl } from "../../engine/define-control";

// Manual: whether namespaces follow team, application and trust boundaries is an organizational
// judgement no manifest can express. (Workloads left in `default` are checked by another control.)
export default defineControl({
  id: "SS-0209",
  name: "Administrative boundaries between resources use namespaces",
  description:
    "Manual review: resources should be grouped into namespaces that match administrative boundaries (teams, applications, environments), with RBAC, quotas and policies applied per namespace.",
  rationale:
    "Namespaces are the unit Kubernetes scopes RBAC, network policies, Pod Security and quotas to. Mixing unrelated workloads in one namespace means every control applied there is too broad for some of them.",
  severity: "medium",
  category: "access-control",
  manual: true,
  remediation:
    "Review the namespace layout with the teams that own workloads: give each application or team its own namespaces, bind roles per namespace, and keep shared or system components out of application namespaces.",
  refs: {
    kubescape: ["C-0209"],
    cis: ["5.7.1"],
    cisAks: ["4.6.1"],
    cisEks: ["4.5.1"],
    cisGke: ["4.6.1"],
  },
});
