import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0037",
  name: "Subjects that can modify the CoreDNS configuration",
  description:
    "Fails each subject whose bindings allow update or patch of the `coredns` ConfigMap in kube-system (directly, through a wildcard, or by resourceNames).",
  rationale:
    "Whoever rewrites CoreDNS's configuration decides what every service name resolves to, and can send the cluster's traffic, credentials included, to a host of their choice.",
  severity: "medium",
  category: "network",
  patterns: CAPABILITY.writeCoreDnsConfig,
  capability: "can rewrite the coredns ConfigMap",
  remediation:
    "Keep write access to ConfigMaps in kube-system for cluster administrators and the DNS operator only; bind application roles in their own namespaces.",
  refs: { kubescape: ["C-0037"], mitre: ["T1557"] },
});
