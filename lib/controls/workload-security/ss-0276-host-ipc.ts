import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostNamespacesShared, type HostNamespaceField } from "./pod-hardening-checks";
import { podViewOf } from "./security-context";

const FIELDS: readonly HostNamespaceField[] = ["hostIPC"];

export default defineControl({
  id: "SS-0276",
  name: "Host IPC namespace shared",
  description: "Fails when the pod shares the node's IPC namespace (spec.hostIPC: true).",
  rationale:
    "Sharing the host IPC namespace lets the container read and write System V shared memory and message queues of host processes, leaking data and allowing interference with them.",
  severity: "medium",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostNamespacesShared(pod, FIELDS);
  },
  remediation:
    "Remove `hostIPC: true` from the pod spec; pods that need shared memory among their own containers can use an emptyDir with medium: Memory.",
  refs: {
    kubescape: ["C-0276"],
    cis: ["5.2.4"],
    polaris: ["hostIPCSet"],
  },
});
