import { CAPABILITY } from "../../rbac/capabilities";
import { SYSTEM_AUTHENTICATED } from "../../rbac/subjects";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0265",
  name: "system:authenticated has access to workloads, nodes or secrets",
  description:
    "Fails the `system:authenticated` group when its bindings allow any verb on pods (exec, attach and port-forward included), workload controllers, nodes or Secrets.",
  rationale:
    "Every identity the API server accepts is in system:authenticated, on some managed clusters including any account of the cloud provider: what it is granted is granted to everyone.",
  severity: "high",
  appliesTo: (s) => s.kind === "Group" && s.name === SYSTEM_AUTHENTICATED,
  patterns: CAPABILITY.touchWorkloadsNodesOrSecrets,
  capability: "reaches workloads, nodes or secrets",
  remediation:
    "Bind these roles to specific groups instead of system:authenticated; keep only the bootstrap discovery bindings on it.",
  refs: { kubescape: ["C-0265"], cisGke: ["4.1.10"] },
});
