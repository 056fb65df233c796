import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { NO_VIOLATIONS } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { FIELD_BITS, fieldFix, fieldPathList, podFieldFix, podFieldPathList, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1011",
  name: "Explicit root user (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Running as Non-root user\": fails when the pod or any container (regular, init, ephemeral) sets runAsUser: 0. Leaving runAsUser unset passes this check (runAsNonRoot covers it).",
  rationale:
    "runAsUser: 0 states that the process runs as root; it overrides a non-root image user and, with any other weakness, hands root on the node's kernel to the workload.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    if ((pod.fieldsSet & FIELD_BITS.runAsUser) === 0) return NO_VIOLATIONS;
    const violations: Violation[] = [];
    if (pod.security.runAsUser === 0) {
      violations.push({ message: "the pod sets runAsUser: 0 (root)", paths: podFieldPathList(pod, "runAsUser"), fixPaths: podFieldFix(pod, "runAsUser", "1000") });
    }
    for (const c of pod.containers) {
      if (c.security.runAsUser !== 0) continue;
      violations.push({ message: `${c.who} sets runAsUser: 0 (root)`, paths: fieldPathList(c, "runAsUser"), fixPaths: fieldFix(c, "runAsUser", "1000") });
    }
    return violations;
  },
  remediation: "Set `runAsUser` to a non-zero UID (or remove it and rely on a non-root image user together with `runAsNonRoot: true`).",
  refs: { pss: ["restricted:runAsUser"] },
  tags: [PSS_VERSION_TAG],
});
