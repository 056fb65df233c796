import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["limits", "cpu"], ["limits", "memory"]];

export default defineControl({
  id: "SS-0009",
  name: "CPU or memory limit missing",
  description:
    "Fails when a regular or init container has no CPU limit or no memory limit, either set on the container, by a namespace LimitRange default, or by pod-level resources.",
  rationale:
    "Limits are what stop one compromised or buggy container from exhausting a node (crypto-mining, memory leaks, fork bombs) and taking down every other workload scheduled there.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, false);
  },
  remediation:
    "Give every container resources.limits.cpu and resources.limits.memory, or give the namespace a LimitRange that sets default limits.",
  refs: { kubescape: ["C-0009"], polaris: ["cpuLimitsMissing", "memoryLimitsMissing"] },
});
