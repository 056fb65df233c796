// Replica counts, autoscalers and disruption budgets of replicated workloads.
import { matchesLabelSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { podLabelsOf } from "../../engine/workload";
import { namespaceOf } from "./service-exposure";

export const REPLICATED_KINDS = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"];

/** spec.replicas, defaulting to 1 as the API does. */
export function declaredReplicas(obj: K8sObject): number {
  const r = obj.spec?.replicas;
  return typeof r === "number" && Number.isFinite(r) ? r : 1;
}

/** HorizontalPodAutoscalers in the workload's namespace whose scaleTargetRef names it. */
export function autoscalersOf(obj: K8sObject, ctx: EvalContext): K8sObject[] {
  const ns = namespaceOf(obj);
  return ctx.index.byKind("HorizontalPodAutoscaler").filter((hpa) => {
    const ref = hpa.spec?.scaleTargetRef;
    return namespaceOf(hpa) === ns && ref?.kind === obj.kind && ref?.name === obj.metadata?.name;
  });
}

/** The workload an HPA scales, when it is in the scan. */
export function scaleTargetOf(hpa: K8sObject, ctx: EvalContext): K8sObject | undefined {
  const ref = hpa.spec?.scaleTargetRef;
  if (typeof ref?.kind !== "string" || typeof ref?.name !== "string") return undefined;
  const ns = namespaceOf(hpa);
  return ctx.index.byKind(ref.kind).find((o) => o.metadata?.name === ref.name && namespaceOf(o) === ns);
}

/** The fewest replicas the workload runs with: its spec, raised by an autoscaler's minReplicas. */
export function minimumReplicas(obj: K8sObject, ctx: EvalContext): number {
  const hpas = autoscalersOf(obj, ctx);
  if (!hpas.length) return declaredReplicas(obj);
  return Math.max(...hpas.map((h) => (typeof h.spec?.minReplicas === "number" ? h.spec.minReplicas : 1)));
}

/** PodDisruptionBudgets in the workload's namespace that select its pods. */
export function disruptionBudgetsFor(obj: K8sObject, ctx: EvalContext): K8sObject[] {
  const ns = namespaceOf(obj);
  const labels = podLabelsOf(obj);
  return ctx.index.byKind("PodDisruptionBudget").filter((pdb) => namespaceOf(pdb) === ns && matchesLabelSelector(pdb.spec?.selector, labels));
}
