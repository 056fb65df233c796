import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["limits", "cpu"]];

export default defineControl({
  id: "SS-0270",
  name: "CPU limit missing",
  description:
    "Fails when a regular or init container has no CPU limit (on the container, from a LimitRange default, or at pod level), or when an explicit limit falls outside cpuLimitMin/cpuLimitMax.",
  rationale:
    "Without a CPU limit, a container that is compromised (crypto-mining) or stuck in a loop can use every core on its node and starve the pods next to it.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.limits.cpu on every container, or a namespace LimitRange default. Size it from observed peaks so throttling does not hurt latency.",
  refs: { kubescape: ["C-0270"], nsa: ["resource-policies"], polaris: ["cpuLimitsMissing"] },
});
