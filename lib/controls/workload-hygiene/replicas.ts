// Replica counts, autoscalers and disruption budgets of replicated workloads.
import { matchesLabelSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { findNamespaced, namespaceOf, objectsInNamespace, podLabelsOfCached } from "./scan-lookups";

export const REPLICATED_KINDS = ["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"];

/** spec.replicas, defaulting to 1 as the API does. */
export function declaredReplicas(obj: K8sObject): number {
  const r = obj.spec?.replicas;
  return typeof r === "number" && Number.isFinite(r) ? r : 1;
}

/** HorizontalPodAutoscalers in the workload's namespace whose scaleTargetRef names it. */
export function autoscalersOf(obj: K8sObject, ctx: EvalContext): K8sObject[] {
  return objectsInNamespace(ctx, "HorizontalPodAutoscaler", namespaceOf(obj)).filter((hpa) => {
    const ref = hpa.spec?.scaleTargetRef;
    return ref?.kind === obj.kind && ref?.name === obj.metadata?.name;
  });
}

/** The workload an HPA scales, when it is in the scan. */
export function scaleTargetOf(hpa: K8sObject, ctx: EvalContext): K8sObject | undefined {
  const ref = hpa.spec?.scaleTargetRef;
  if (typeof ref?.kind !== "string" || typeof ref?.name !== "string") return undefined;
  return findNamespaced(ctx, ref.kind, namespaceOf(hpa), ref.name);
}

/** The fewest replicas the workload runs with: its spec, raised by an autoscaler's minReplicas. */
export function minimumReplicas(obj: K8sObject, ctx: EvalContext): number {
  const hpas = autoscalersOf(obj, ctx);
  if (!hpas.length) return declaredReplicas(obj);
  return Math.max(...hpas.map((h) => (typeof h.spec?.minReplicas === "number" ? h.spec.minReplicas : 1)));
}

/** Whether a PodDisruptionBudget selects the labels: an empty selector selects every pod in policy/v1, none in v1beta1. */
export function budgetSelects(pdb: K8sObject, labels: Record<string, string>): boolean {
  const selector = pdb.spec?.selector;
  const empty = !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && !(selector.matchExpressions ?? []).length);
  if (empty && pdb.apiVersion === "policy/v1beta1") return false;
  return matchesLabelSelector(selector ?? {}, labels);
}

/** PodDisruptionBudgets in the workload's namespace that select its pods. */
export function disruptionBudgetsFor(obj: K8sObject, ctx: EvalContext): K8sObject[] {
  const labels = podLabelsOfCached(obj);
  return objectsInNamespace(ctx, "PodDisruptionBudget", namespaceOf(obj)).filter((pdb) => budgetSelects(pdb, labels));
}
