import { CAPABILITY } from "../../rbac/capabilities";
import { definePermissionControl } from "./permission-control";

export default definePermissionControl({
  id: "SS-0280",
  name: "Minimize access to approve certificate signing requests",
  description:
    "Fails each subject whose ClusterRoleBindings allow update or patch of `certificatesigningrequests/approval`.",
  rationale:
    "Approving a CSR can issue a client certificate for any user or group, system:masters included, which the API server then trusts until it expires.",
  severity: "high",
  patterns: CAPABILITY.approveCsr,
  capability: "can approve certificate signing requests",
  remediation: "Leave CSR approval to the control plane's approvers; people should not hold `certificatesigningrequests/approval`.",
  refs: { kubescape: ["C-0280"], cis: ["5.1.11"] },
});
