import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { fieldFix, fieldPathList, podFieldPathList, podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-0210",
  name: "seccomp profile is not RuntimeDefault",
  description:
    "Fails for each Linux container (regular, init or ephemeral) whose effective seccomp profile — the container's own, else the pod's — is not RuntimeDefault, as the CIS benchmark asks. Localhost profiles fail here (the CIS item names the runtime default); the Pod Security Standards control SS-1012 accepts them.",
  rationale:
    "Without a seccomp profile a container may call every system call the kernel offers, including rarely used ones behind many container escapes; the runtime's default profile blocks them at negligible cost.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    const violations: Violation[] = [];
    let reportedPodLevel = false;
    for (const c of pod.containers) {
      const own = c.security.seccompProfile;
      const profile = own ?? pod.security.seccompProfile;
      const type = profile && typeof profile === "object" ? (profile as { type?: unknown }).type : undefined;
      if (type === "RuntimeDefault") continue;
      if (profile === undefined) {
        violations.push({
          message: `${c.who} has no seccomp profile (neither the container nor the pod sets one)`,
          fixPaths: fieldFix(c, "seccompProfile.type", "RuntimeDefault"),
        });
      } else if (own === undefined) {
        // One finding for a pod-level profile, however many containers inherit it.
        if (reportedPodLevel) continue;
        reportedPodLevel = true;
        violations.push({
          message: `the pod's seccomp profile type is ${JSON.stringify(type ?? null)}, not RuntimeDefault`,
          paths: podFieldPathList(pod, "seccompProfile.type"),
        });
      } else {
        violations.push({
          message: `${c.who} uses seccomp profile type ${JSON.stringify(type ?? null)}, not RuntimeDefault`,
          paths: fieldPathList(c, "seccompProfile.type"),
        });
      }
    }
    return violations;
  },
  remediation:
    "Set `seccompProfile: {type: RuntimeDefault}` in the pod's `securityContext` and remove container-level profiles that override it with Unconfined or Localhost (or document a Localhost profile as an exception).",
  refs: {
    kubescape: ["C-0210"],
    cis: ["5.6.2"],
    cisGke: ["4.6.2"],
  },
});
