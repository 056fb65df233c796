import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostNamespacesShared, type HostNamespaceField } from "./pod-hardening-checks";
import { podViewOf } from "./security-context";

const FIELDS: readonly HostNamespaceField[] = ["hostPID"];

export default defineControl({
  id: "SS-0275",
  name: "Host PID namespace shared",
  description: "Fails when the pod shares the node's process ID namespace (spec.hostPID: true).",
  rationale:
    "A container in the host PID namespace sees all node processes and their command lines and environment through /proc; with CAP_SYS_PTRACE or as root it can inject into them and escape to the node.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostNamespacesShared(pod, FIELDS);
  },
  remediation:
    "Remove `hostPID: true` from the pod spec. Keep the few node agents that need it in a separate namespace under an admission policy that allows it explicitly.",
  refs: {
    kubescape: ["C-0275"],
    cis: ["5.2.3"],
    polaris: ["hostPIDSet"],
  },
});
