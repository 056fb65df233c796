import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["requests", "memory"], ["limits", "memory"]];

export default defineControl({
  id: "SS-0004",
  name: "Memory request or limit missing",
  description:
    "Fails when a regular or init container ends up without a memory request or a memory limit, counting what Kubernetes fills in (a request defaults to the limit, LimitRange defaults apply), or when an explicit value falls outside the memoryRequestMin/Max and memoryLimitMin/Max settings.",
  rationale:
    "Without a memory request the scheduler packs pods blindly onto nodes; without a limit one leaking container can take all of a node's memory and get its neighbours OOM-killed.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.requests.memory to the container's normal working set and resources.limits.memory to the most it may use, or give the namespace a LimitRange with defaults. Keep values inside the bounds your platform sets.",
  refs: { kubescape: ["C-0004"], polaris: ["memoryRequestsMissing", "memoryLimitsMissing"] },
});
