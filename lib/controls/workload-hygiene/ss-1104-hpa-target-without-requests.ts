import { defineControl } from "../../engine/define-control";
import type { K8sObject, Violation } from "../../engine/types";
import { containersOfObject, effectiveResource, limitRangeDefaults, type ResourceName } from "./container-resources";
import { scaleTargetOf } from "./replicas";
import { namespaceOf } from "./scan-lookups";

interface UtilizationMetric {
  resource: ResourceName;
  /** Only this container counts (ContainerResource metrics). */
  container?: string;
  path: string;
}

/** CPU/memory utilization targets of an HPA; an HPA without metrics targets 80% CPU. */
function utilizationMetrics(hpa: K8sObject): UtilizationMetric[] {
  const spec = hpa.spec ?? {};
  if (typeof spec.targetCPUUtilizationPercentage === "number") {
    return [{ resource: "cpu", path: "spec.targetCPUUtilizationPercentage" }];
  }
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) return [{ resource: "cpu", path: "spec" }];
  const result: UtilizationMetric[] = [];
  spec.metrics.forEach((m: { type?: string; resource?: Record<string, unknown>; containerResource?: Record<string, unknown> }, i: number) => {
    const source = m?.type === "Resource" ? m.resource : m?.type === "ContainerResource" ? m.containerResource : undefined;
    const name = source?.name;
    // autoscaling/v2 uses target.type Utilization; v2beta1 used targetAverageUtilization.
    const target = source?.target as { type?: string } | undefined;
    const utilization = target?.type === "Utilization" || typeof source?.targetAverageUtilization === "number";
    if ((name === "cpu" || name === "memory") && utilization) {
      result.push({ resource: name, container: m.type === "ContainerResource" ? String(source?.container ?? "") : undefined, path: `spec.metrics[${i}]` });
    }
  });
  return result;
}

export default defineControl({
  id: "SS-1104",
  name: "Autoscaler target lacks the requests it scales on",
  description:
    "Fails when a HorizontalPodAutoscaler scales on CPU or memory utilization (explicitly, or CPU by default) but a container of its target workload has no request for that resource (explicit, defaulted from the limit, or from a LimitRange). Autoscalers whose target is not in the scan are not applicable.",
  rationale:
    "Utilization is usage divided by request; with a request missing the autoscaler cannot compute it, reports FailedGetResourceMetric and never scales, so the workload is stuck at its current size exactly when load rises.",
  severity: "medium",
  category: "hygiene",
  kinds: ["HorizontalPodAutoscaler"],
  evaluate(hpa, ctx) {
    const target = scaleTargetOf(hpa, ctx);
    if (!target) return null;
    const metrics = utilizationMetrics(hpa);
    if (!metrics.length) return [];
    const defaults = limitRangeDefaults(ctx, namespaceOf(target));
    const violations: Violation[] = [];
    for (const metric of metrics) {
      const missing = containersOfObject(target, ["containers"])
        .filter(({ container }) => metric.container === undefined || container.name === metric.container)
        .filter(({ container }) => !effectiveResource(container, "requests", metric.resource, defaults))
        .map(({ container }) => String(container.name ?? "(unnamed)"));
      if (!missing.length) continue;
      violations.push({
        message: `scales ${target.kind} ${target.metadata?.name ?? ""} on ${metric.resource} utilization, but container${missing.length > 1 ? "s" : ""} ${missing.join(", ")} request${missing.length > 1 ? "" : "s"} no ${metric.resource}`,
        paths: [metric.path],
      });
    }
    return violations;
  },
  remediation: "Set resources.requests for the scaled resource on every container of the target workload, or scale on absolute values (AverageValue) or custom metrics instead.",
  refs: {},
});
