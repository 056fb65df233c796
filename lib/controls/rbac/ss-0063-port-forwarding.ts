import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0063",
  name: "Subjects that can port-forward to pods",
  description: "Fails each subject whose bindings allow `pods/portforward` (create, or get for WebSocket clients).",
  rationale:
    "Port forwarding opens a tunnel from the caller's machine into a pod, bypassing Services, Ingress and network policies to reach databases and admin ports directly.",
  severity: "medium",
  category: "network",
  patterns: CAPABILITY.portForward,
  capability: "can port-forward into pods",
  remediation: "Grant `pods/portforward` only to operators who need it, in the namespaces where they need it.",
  refs: { kubescape: ["C-0063"] },
});
