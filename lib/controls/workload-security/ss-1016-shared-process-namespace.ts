import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-1016",
  name: "Containers share one process namespace",
  description: "Fails when the pod sets spec.shareProcessNamespace: true. Windows pods are not evaluated (the setting is Linux-only).",
  rationale:
    "With a shared process namespace every container sees the others' processes and can reach their filesystems and environment through /proc/<pid>/root and /proc/<pid>/environ (when running as the same user), so a compromised sidecar exposes the secrets of the main container and vice versa.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    if (pod.spec.shareProcessNamespace !== true) return [];
    return [
      {
        message: "the pod shares one process namespace among all its containers",
        paths: [`${pod.specPath}.shareProcessNamespace`],
        fixPaths: [{ path: `${pod.specPath}.shareProcessNamespace`, value: "false" }],
      },
    ];
  },
  remediation: "Remove `shareProcessNamespace: true`; for debugging, attach an ephemeral container with `kubectl debug --target` instead of sharing the namespace permanently.",
  refs: {},
});
