import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { evaluateWorkloadResources, type ResourceField, type ResourceName } from "./container-resources";

const NEEDS: readonly [ResourceField, ResourceName][] = [["requests", "cpu"]];

export default defineControl({
  id: "SS-0268",
  name: "CPU request missing",
  description:
    "Fails when a regular or init container ends up without a CPU request (explicit, defaulted from its CPU limit, or from a LimitRange), or when an explicit request falls outside cpuRequestMin/cpuRequestMax.",
  rationale:
    "The scheduler places pods by their requests; a pod without one can land on a node that is already saturated, and under contention it gets the smallest CPU share.",
  severity: "low",
  category: "workload",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj, ctx) {
    return evaluateWorkloadResources(obj, ctx, NEEDS, true);
  },
  remediation:
    "Set resources.requests.cpu on each container to its typical usage (measure it first), or define a LimitRange default for the namespace.",
  refs: { kubescape: ["C-0268"], polaris: ["cpuRequestsMissing"] },
});
