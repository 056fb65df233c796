import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["limits", "memory"]];

export default defineControl({
  id: "SS-0271",
  name: "Memory limit missing",
  description:
    "Fails when a regular or init container has no memory limit (on the container, from a LimitRange default, or at pod level), or when an explicit limit falls outside memoryLimitMin/memoryLimitMax.",
  rationale:
    "A container without a memory limit can grow until the kernel OOM-kills processes on the node, often other workloads'; limits confine the damage to the offending container.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.limits.memory on every container to the most it should ever use, or a namespace LimitRange default.",
  refs: { kubescape: ["C-0271"], nsa: ["resource-policies"], polaris: ["memoryLimitsMissing"] },
});
