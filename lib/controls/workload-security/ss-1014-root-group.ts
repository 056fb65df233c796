import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { explicitRootPrimaryGroups, rootSupplementaryGroups } from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-1014",
  name: "Container runs in the root group",
  description:
    "Fails when the manifest explicitly puts processes or volumes in the root group: runAsGroup: 0 (on the pod, when a container inherits it, or on a container), fsGroup: 0, or GID 0 in supplementalGroups. Unset values pass here; SS-0013 covers a primary group left to the image. Windows pods are not evaluated.",
  rationale:
    "Group 0 owns many sensitive files on the node and in images (group-writable configuration, sockets, device nodes). A process in the root group can read or change them without being UID 0, which matters as soon as a host path or a shared volume is reachable.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    const primary = explicitRootPrimaryGroups(pod);
    const supplementary = rootSupplementaryGroups(pod);
    return supplementary.length ? [...primary, ...supplementary] : primary;
  },
  remediation: "Use a non-zero GID for `runAsGroup` and `fsGroup`, and remove 0 from `supplementalGroups`.",
  refs: {},
});
