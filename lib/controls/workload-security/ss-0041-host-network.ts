import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { hostNamespacesShared, type HostNamespaceField } from "./pod-hardening-checks";
import { podViewOf } from "./security-context";

const FIELDS: readonly HostNamespaceField[] = ["hostNetwork"];

export default defineControl({
  id: "SS-0041",
  name: "Host network namespace shared",
  description: "Fails when the pod shares the node's network namespace (spec.hostNetwork: true).",
  rationale:
    "A pod on the host network can bind node ports, reach services that listen only on the node's localhost (kubelet read-only port, metadata proxies, CNI agents), sniff node traffic and bypass NetworkPolicies that select pods.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const pod = podViewOf(obj);
    if (!pod) return null;
    return hostNamespacesShared(pod, FIELDS);
  },
  remediation:
    "Remove `hostNetwork: true` and expose the workload through a Service. Only node networking components (CNI, kube-proxy) should need the host network.",
  refs: {
    kubescape: ["C-0041"],
    cis: ["5.2.5"],
    nsa: ["pod-security-enforcement"],
    polaris: ["hostNetworkSet"],
  },
});
