import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { CONFINING_PROFILE_TYPES, PSS_VERSION_TAG } from "./pod-security-standards";
import { declaresWindowsOs, fieldPathList, podFieldFix, podFieldPathList, podViewOf, subfield } from "./security-context";

export default defineControl({
  id: "SS-1012",
  name: "seccomp profile not required (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Seccomp\": the pod must set seccompProfile.type to RuntimeDefault or Localhost, or every container must; no pod or container may set another type. Linux only: pods with spec.os.name: windows are not evaluated.",
  rationale:
    "An explicit RuntimeDefault or Localhost profile guarantees system-call filtering regardless of node defaults, removing kernel attack surface that container escapes rely on.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || declaresWindowsOs(pod)) return null;
    const violations: Violation[] = [];
    const podType = subfield(pod.security.seccompProfile, "type");
    const podValid = typeof podType === "string" && CONFINING_PROFILE_TYPES.has(podType);
    if (pod.security.seccompProfile !== undefined && !podValid) {
      violations.push({ message: `the pod sets seccomp profile type ${JSON.stringify(podType ?? null)}`, paths: podFieldPathList(pod, "seccompProfile.type") });
    }
    let unset: string[] | undefined;
    for (const c of pod.containers) {
      if (c.security.seccompProfile === undefined) {
        if (!podValid) (unset ??= []).push(c.who);
        continue;
      }
      const type = subfield(c.security.seccompProfile, "type");
      if (typeof type === "string" && CONFINING_PROFILE_TYPES.has(type)) continue;
      violations.push({ message: `${c.who} sets seccomp profile type ${JSON.stringify(type ?? null)}`, paths: fieldPathList(c, "seccompProfile.type") });
    }
    if (unset) {
      violations.push({
        message: `no RuntimeDefault or Localhost seccomp profile applies to ${unset.join(", ")} (set it on the pod or on each container)`,
        fixPaths: podFieldFix(pod, "seccompProfile.type", "RuntimeDefault"),
      });
    }
    return violations;
  },
  remediation: "Set `seccompProfile: {type: RuntimeDefault}` in the pod's `securityContext`, or a Localhost profile where the default is too strict.",
  refs: { pss: ["restricted:seccomp"] },
  tags: [PSS_VERSION_TAG],
});
