import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { unconfiningProfileTypes } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

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
    return unconfiningProfileTypes(pod, "seccompProfile", "seccomp");
  },
  remediation: "Remove `seccompProfile: {type: Unconfined}`; use `RuntimeDefault`, or a `Localhost` profile when the default one is too strict.",
  refs: { pss: ["baseline:seccomp"] },
  tags: [PSS_VERSION_TAG],
});
