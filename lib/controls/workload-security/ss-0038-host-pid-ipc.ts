import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostNamespacesShared, type HostNamespaceField } from "./pod-hardening-checks";
import { podViewOf } from "./security-context";

const FIELDS: readonly HostNamespaceField[] = ["hostPID", "hostIPC"];

export default defineControl({
  id: "SS-0038",
  name: "Host PID or IPC namespace shared",
  description: "Fails when the pod shares the node's process ID or IPC namespace (spec.hostPID or spec.hostIPC set to true).",
  rationale:
    "With the host PID namespace a container sees every process on the node, can read their environment and open files through /proc, and with enough capabilities ptrace or kill them; the host IPC namespace exposes shared memory of host processes. Both are common steps of container escapes.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostNamespacesShared(pod, FIELDS);
  },
  remediation:
    "Remove `hostPID: true` and `hostIPC: true` from the pod spec. Node-level monitoring that truly needs them belongs in a dedicated, tightly controlled namespace.",
  refs: {
    kubescape: ["C-0038"],
    nsa: ["pod-security-enforcement"],
    polaris: ["hostPIDSet", "hostIPCSet"],
  },
});
