import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { linuxRootIdentities, windowsAdministratorIdentities } from "./pod-hardening-checks";
import { podViewOf, targetsWindows } from "./security-context";

export default defineControl({
  id: "SS-0013",
  name: "Container may run as root",
  description:
    "Fails for each container (regular, init or ephemeral) that is not guaranteed to run as a non-root user in a non-root primary group: it needs an effective runAsNonRoot: true or a non-zero runAsUser, and a non-zero runAsGroup, set on the container or inherited from the pod. Windows pods need runAsNonRoot: true or a non-administrator runAsUserName instead.",
  rationale:
    "Root inside a container is root on the node's kernel: a container escape, a writable hostPath or a kernel bug then yields full control of the node. When the manifest leaves the user to the image, many images run as UID 0 and most leave the primary group at 0, which owns sensitive files.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return targetsWindows(pod) ? windowsAdministratorIdentities(pod) : linuxRootIdentities(pod);
  },
  remediation:
    "Set `runAsNonRoot: true` together with a non-zero `runAsUser` and `runAsGroup` in the pod's `securityContext` (or per container), and build images whose USER is a numeric non-root UID. For Windows pods set `windowsOptions.runAsUserName: ContainerUser` or `runAsNonRoot: true`.",
  refs: {
    kubescape: ["C-0013"],
    nsa: ["non-root-and-unprivileged"],
    polaris: ["runAsRootAllowed"],
  },
});
