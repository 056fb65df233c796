import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0188",
  name: "Minimize access to create pods",
  description: "Fails each subject whose bindings allow creating Pods in any namespace.",
  rationale:
    "Creating a pod means choosing its service account, volumes and host access: in a namespace, it yields every service-account token and Secret of that namespace, and possibly the node.",
  severity: "medium",
  category: "workload",
  patterns: CAPABILITY.createPods,
  capability: "can create pods",
  remediation:
    "Let controllers create pods; give people and CI write access to Deployments through the delivery pipeline, in their own namespaces, with Pod Security admission enforced.",
  refs: { kubescape: ["C-0188"], cis: ["5.1.4"], cisEks: ["4.1.4"], cisAks: ["4.1.4"] },
});
