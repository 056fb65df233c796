import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0031",
  name: "Subjects that can delete Kubernetes events",
  description: "Fails each subject whose bindings allow delete or deletecollection on Events (core or events.k8s.io).",
  rationale: "Events record what happened in the cluster; deleting them erases evidence of an intrusion or a failure.",
  severity: "medium",
  patterns: CAPABILITY.deleteEvents,
  capability: "can delete events",
  remediation: "Remove delete and deletecollection on `events` from every role except the control plane's own; Events expire by themselves.",
  refs: { kubescape: ["C-0031"], mitre: ["T1070"] },
});
