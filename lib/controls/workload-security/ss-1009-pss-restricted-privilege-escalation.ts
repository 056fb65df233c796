import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { privilegeEscalationAllowed } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { declaresWindowsOs, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1009",
  name: "Privilege escalation not disabled (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Privilege Escalation\": fails for each container (regular, init or ephemeral) that does not set allowPrivilegeEscalation: false. Linux only: pods with spec.os.name: windows are not evaluated.",
  rationale:
    "allowPrivilegeEscalation: false sets no_new_privs, so setuid binaries and file capabilities cannot raise a process above the privileges it started with.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || declaresWindowsOs(pod)) return null;
    return privilegeEscalationAllowed(pod);
  },
  remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
  refs: { pss: ["restricted:privilegeEscalation"] },
  tags: [PSS_VERSION_TAG],
});
