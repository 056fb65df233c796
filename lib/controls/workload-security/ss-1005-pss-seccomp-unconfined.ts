import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { CONFINING_PROFILE_TYPES, PSS_VERSION_TAG } from "./pod-security-standards";
import { containerSetting, describeContainer, podSetting, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1005",
  name: "seccomp explicitly disabled (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"Seccomp\": fails when the pod or a container sets seccompProfile.type to anything other than RuntimeDefault or Localhost (in practice, Unconfined). Leaving the profile unset passes at this level.",
  rationale:
    "Unconfined turns off system-call filtering even where the runtime or kubelet would apply its default profile, exposing the whole kernel syscall surface to the container.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    const podType = podSetting(pod, "seccompProfile.type");
    if (podType.value !== undefined && !CONFINING_PROFILE_TYPES.has(String(podType.value))) {
      violations.push({ message: `the pod sets seccomp profile type ${JSON.stringify(podType.value)}`, paths: [podType.path] });
    }
    for (const c of pod.containers) {
      const type = containerSetting(c, "seccompProfile.type");
      if (type.value !== undefined && !CONFINING_PROFILE_TYPES.has(String(type.value))) {
        violations.push({ message: `${describeContainer(c)} sets seccomp profile type ${JSON.stringify(type.value)}`, paths: [type.path] });
      }
    }
    return violations;
  },
  remediation: "Remove `seccompProfile: {type: Unconfined}`; use `RuntimeDefault`, or a `Localhost` profile when the default one is too strict.",
  refs: { pss: ["baseline:seccomp"] },
  tags: [PSS_VERSION_TAG],
});
