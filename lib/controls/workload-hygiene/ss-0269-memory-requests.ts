import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["requests", "memory"]];

export default defineControl({
  id: "SS-0269",
  name: "Memory request missing",
  description:
    "Fails when a regular or init container ends up without a memory request (explicit, defaulted from its memory limit, or from a LimitRange), or when an explicit request falls outside memoryRequestMin/memoryRequestMax.",
  rationale:
    "Pods without memory requests are the first evicted under node memory pressure and let the scheduler overcommit nodes, which turns into OOM kills across unrelated workloads.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.requests.memory on each container to its normal working set, or define a LimitRange default for the namespace.",
  refs: { kubescape: ["C-0269"], polaris: ["memoryRequestsMissing"] },
});
