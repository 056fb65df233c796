import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { fieldFix, fieldPathList, podFieldFix, podFieldPathList, podViewOf } from "./security-context";

export default defineControl({
  id: "SS-1010",
  name: "runAsNonRoot not required (PSS Restricted)",
  description:
    "Pod Security Standards Restricted \"Running as Non-root\": the pod must set runAsNonRoot: true, or every container (regular, init, ephemeral) must; no container may set it to false, and the pod may not set it to false. A non-zero runAsUser does not satisfy this check.",
  rationale:
    "runAsNonRoot: true makes the kubelet refuse to start a container whose user resolves to UID 0, so a root image or a forgotten runAsUser cannot slip through.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    const violations: Violation[] = [];
    const podLevel = pod.security.runAsNonRoot;
    if (podLevel !== undefined && podLevel !== true) {
      violations.push({
        message: `the pod sets runAsNonRoot: ${JSON.stringify(podLevel)}`,
        paths: podFieldPathList(pod, "runAsNonRoot"),
        fixPaths: podFieldFix(pod, "runAsNonRoot", "true"),
      });
    }
    let unset: string[] | undefined;
    for (const c of pod.containers) {
      const own = c.security.runAsNonRoot;
      if (own === undefined) {
        if (podLevel !== true) (unset ??= []).push(c.who);
      } else if (own !== true) {
        violations.push({
          message: `${c.who} sets runAsNonRoot: ${JSON.stringify(own)}`,
          paths: fieldPathList(c, "runAsNonRoot"),
          fixPaths: fieldFix(c, "runAsNonRoot", "true"),
        });
      }
    }
    if (unset) {
      violations.push({
        message: `runAsNonRoot: true is set neither on the pod nor on ${unset.join(", ")}`,
        fixPaths: podFieldFix(pod, "runAsNonRoot", "true"),
      });
    }
    return violations;
  },
  remediation: "Set `runAsNonRoot: true` in the pod's `securityContext` (and remove any container-level `runAsNonRoot: false`); make sure the image runs as a numeric non-root user or set `runAsUser`.",
  refs: { pss: ["restricted:runAsNonRoot"] },
  tags: [PSS_VERSION_TAG],
});
