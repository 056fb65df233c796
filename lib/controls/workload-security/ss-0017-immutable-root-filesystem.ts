import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { writableRootFilesystems } from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-0017",
  name: "Writable container root filesystem",
  description:
    "Fails for each Linux container (regular, init or ephemeral) that does not set readOnlyRootFilesystem: true. Windows pods are not evaluated (the setting is not supported there).",
  rationale:
    "A writable root filesystem lets an intruder drop tools, replace binaries or plant persistence inside the running container; a read-only one confines writes to explicitly mounted volumes.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod || targetsWindows(pod)) return null;
    return writableRootFilesystems(pod);
  },
  remediation:
    "Set `securityContext.readOnlyRootFilesystem: true` on every container and mount an `emptyDir` (or another volume) only at the paths the application must write, such as /tmp or a cache directory.",
  refs: {
    kubescape: ["C-0017"],
    nsa: ["immutable-filesystem"],
    polaris: ["notReadOnlyRootFilesystem"],
  },
});
