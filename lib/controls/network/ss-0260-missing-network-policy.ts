import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { isolationOf } from "./network-policy-coverage";

// The finding of every workload no policy selects: one shared, read-only list.
const NOT_SELECTED: Violation[] = Object.freeze([Object.freeze({ message: "no NetworkPolicy or Cilium policy selects these pods" })]) as unknown as Violation[];

export default defineControl({
  id: "SS-0260",
  name: "Workload not selected by any network policy",
  description:
    "Fails a workload whose pods are selected by no NetworkPolicy, CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy.",
  rationale:
    "Pods that no policy selects are not isolated at all: every other pod, and anything routed into the cluster network, can connect to them, and they can connect anywhere.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    if (isolationOf(ctx, workload).selecting.length > 0) return [];
    return NOT_SELECTED;
  },
  remediation:
    "Write a NetworkPolicy whose podSelector matches the workload's pod labels (or rely on a namespace default-deny policy with `podSelector: {}`) and allow only the traffic it needs.",
  refs: {
    kubescape: ["C-0260"],
    nsa: ["network-policies"],
    soc2: ["CC6.1", "CC6.6", "CC7.2"],
  },
});
