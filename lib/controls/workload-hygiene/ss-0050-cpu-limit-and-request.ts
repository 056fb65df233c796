import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["requests", "cpu"], ["limits", "cpu"]];

export default defineControl({
  id: "SS-0050",
  name: "CPU request or limit missing",
  description:
    "Fails when a regular or init container ends up without a CPU request or a CPU limit, counting what Kubernetes fills in (a request defaults to the limit, LimitRange defaults apply), or when an explicit value falls outside the cpuRequestMin/Max and cpuLimitMin/Max settings.",
  rationale:
    "A container without a CPU request gets almost no share under contention and hides its real needs from the scheduler; without a limit a runaway process can starve the other pods on the node.",
  severity: "high",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.requests.cpu to the container's steady usage and resources.limits.cpu to its allowed burst, or define namespace defaults with a LimitRange.",
  refs: { kubescape: ["C-0050"], polaris: ["cpuRequestsMissing", "cpuLimitsMissing"] },
});
