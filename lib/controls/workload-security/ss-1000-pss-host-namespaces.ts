import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostNamespacesShared, type HostNamespaceField } from "./pod-hardening-checks";
import { PSS_VERSION_TAG } from "./pod-security-standards";
import { podViewOf } from "./security-context";

const FIELDS: readonly HostNamespaceField[] = ["hostNetwork", "hostPID", "hostIPC"];

export default defineControl({
  id: "SS-1000",
  name: "Host namespaces shared (PSS Baseline)",
  description:
    "Pod Security Standards Baseline \"Host Namespaces\": fails when the pod sets any of spec.hostNetwork, spec.hostPID or spec.hostIPC to true. One finding per flag.",
  rationale:
    "Sharing the node's network, process or IPC namespace removes the isolation that keeps a container from observing and interfering with the node and its other workloads.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostNamespacesShared(pod, FIELDS);
  },
  remediation: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false) in the pod spec.",
  refs: { pss: ["baseline:hostNamespaces"] },
  tags: [PSS_VERSION_TAG],
});
