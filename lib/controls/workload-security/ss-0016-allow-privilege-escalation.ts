import { defineControl } from "../../engine/define-control";
import type { EvalContext } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { privilegeEscalationAllowed } from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

/**
 * Legacy clusters (before 1.25) may still run PodSecurityPolicy: when every policy forbids privilege
 * escalation, admission sets the field to false on pods that leave it unset.
 */
function admissionForcesNoEscalation(ctx: EvalContext): boolean {
  return ctx.cache("ss-0016:psp-forces-no-escalation", () => {
    const policies = ctx.index.byKind("PodSecurityPolicy");
    return policies.length > 0 && policies.every((p) => p.spec?.allowPrivilegeEscalation === false);
  });
}

export default defineControl({
  id: "SS-0016",
  name: "Privilege escalation allowed",
  description:
    "Fails for each Linux container (regular, init or ephemeral) that does not set allowPrivilegeEscalation: false. Unset counts as allowed, except where every PodSecurityPolicy in the cluster forbids escalation. Windows pods are not evaluated (the field does not exist there).",
  rationale:
    "Without no_new_privs a process can become more privileged than its parent through setuid/setgid binaries or file capabilities, turning a foothold as an unprivileged user into root inside the container.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    return privilegeEscalationAllowed(pod, admissionForcesNoEscalation(ctx));
  },
  remediation:
    "Set `securityContext.allowPrivilegeEscalation: false` on every container. It cannot be combined with `privileged: true` or the SYS_ADMIN capability, which should be removed as well.",
  refs: {
    kubescape: ["C-0016"],
    nsa: ["non-root-and-unprivileged"],
    polaris: ["privilegeEscalationAllowed"],
  },
});
