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

const NO_AUTOSCALERS: readonly K8sObject[] = Object.freeze([]);

/** HPAs by namespace, then scaleTargetRef kind and name (compared like `===`). */
type AutoscalerIndex = Map<string, Map<unknown, Map<unknown, K8sObject[]>>>;

const newAutoscalerIndex = () => ({ built: false, index: new Map() as AutoscalerIndex });

function autoscalerIndex(ctx: EvalContext): AutoscalerIndex {
  // Built in two steps so that a call allocates no closure over ctx.
  const autoscalers = ctx.cache("workload-hygiene:autoscalers-by-target", newAutoscalerIndex);
  if (!autoscalers.built) {
    autoscalers.built = true;
    for (const hpa of ctx.index.byKind("HorizontalPodAutoscaler")) {
      const ref = hpa.spec?.scaleTargetRef;
      const ns = namespaceOf(hpa);
      let byKind = autoscalers.index.get(ns);
      if (!byKind) autoscalers.index.set(ns, (byKind = new Map()));
      let byName = byKind.get(ref?.kind);
      if (!byName) byKind.set(ref?.kind, (byName = new Map()));
      const list = byName.get(ref?.name);
      if (list) list.push(hpa);
      else byName.set(ref?.name, [hpa]);
    }
  }
  return autoscalers.index;
}

/** HorizontalPodAutoscalers in the workload's namespace whose scaleTargetRef names it (scan order, read-only). */
export function autoscalersOf(obj: K8sObject, ctx: EvalContext): readonly K8sObject[] {
  return autoscalerIndex(ctx).get(namespaceOf(obj))?.get(obj.kind)?.get(obj.metadata?.name) ?? NO_AUTOSCALERS;
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

function hasOwnKeys(value: unknown): boolean {
  // for…in sees what Object.keys sees (own enumerable keys, a string's indexes) without building the array.
  for (const key in value as object) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
  return false;
}

const NO_EXPRESSIONS: readonly unknown[] = Object.freeze([]);

/** An absent selector, or one with neither matchLabels nor matchExpressions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function isEmptySelector(selector: any): boolean {
  return !selector || (!hasOwnKeys(selector.matchLabels ?? {}) && !(selector.matchExpressions ?? NO_EXPRESSIONS).length);
}

/** Whether a PodDisruptionBudget selects the labels: an empty selector selects every pod in policy/v1, none in v1beta1. */
export function budgetSelects(pdb: K8sObject, labels: Record<string, string>): boolean {
  const selector = pdb.spec?.selector;
  if (pdb.apiVersion === "policy/v1beta1" && isEmptySelector(selector)) return false;
  return matchesLabelSelector(selector ?? {}, labels);
}

/** PodDisruptionBudgets in the workload's namespace that select its pods. */
export function disruptionBudgetsFor(obj: K8sObject, ctx: EvalContext): K8sObject[] {
  const labels = podLabelsOfCached(obj);
  return objectsInNamespace(ctx, "PodDisruptionBudget", namespaceOf(obj)).filter((pdb) => budgetSelects(pdb, labels));
}

/** Whether any PodDisruptionBudget in the workload's namespace selects its pods. */
export function hasDisruptionBudget(obj: K8sObject, ctx: EvalContext): boolean {
  const budgets = objectsInNamespace(ctx, "PodDisruptionBudget", namespaceOf(obj));
  if (!budgets.length) return false;
  const labels = podLabelsOfCached(obj);
  for (const pdb of budgets) if (budgetSelects(pdb, labels)) return true;
  return false;
}

/** Per scan: namespace → label key → value → the namespace's workloads whose pods carry it (scan order). */
type WorkloadsByLabel = Map<string, Map<string, Map<unknown, K8sObject[]>>>;

const newWorkloadsByLabel = (): WorkloadsByLabel => new Map();

/**
 * The namespace's workloads by their value of one label key, built per key on first use: budgets
 * name a few keys, so indexing only those touches one label per workload instead of all of them.
 */
function workloadsByValue(ctx: EvalContext, namespace: string, key: string): Map<unknown, K8sObject[]> {
  const byNamespace = ctx.cache("workload-hygiene:workloads-by-label", newWorkloadsByLabel);
  let byKey = byNamespace.get(namespace);
  if (!byKey) byNamespace.set(namespace, (byKey = new Map()));
  let byValue = byKey.get(key);
  if (!byValue) {
    byValue = new Map();
    for (const w of ctx.index.workloadsInNamespace(namespace)) {
      const labels = podLabelsOfCached(w);
      if (labels === null || labels === undefined || !Object.prototype.hasOwnProperty.call(labels, key)) continue;
      const list = byValue.get(labels[key]);
      if (list) list.push(w);
      else byValue.set(labels[key], [w]);
    }
    byKey.set(key, byValue);
  }
  return byValue;
}

const NO_WORKLOADS: readonly K8sObject[] = Object.freeze([]);

/** Workloads in the budget's namespace whose pods it selects, in scan order. */
export function workloadsUnderBudget(pdb: K8sObject, ctx: EvalContext): K8sObject[] {
  const selector = pdb.spec?.selector;
  if (pdb.apiVersion === "policy/v1beta1" && isEmptySelector(selector)) return [];
  const namespace = namespaceOf(pdb);
  // Candidates: the shortest list among the selector's string-valued matchLabels (a workload it selects
  // carries each of them), else every workload; all keep scan order, and the selector test decides.
  let candidates = ctx.index.workloadsInNamespace(namespace);
  const required = selector && typeof selector === "object" ? selector.matchLabels : undefined;
  if (required && typeof required === "object") {
    for (const key of Object.keys(required)) {
      const value = required[key];
      if (typeof value !== "string") continue;
      const list = workloadsByValue(ctx, namespace, key).get(value) ?? NO_WORKLOADS;
      if (list.length < candidates.length) candidates = list;
    }
  }
  const found: K8sObject[] = [];
  for (const w of candidates) if (matchesLabelSelector(selector ?? {}, podLabelsOfCached(w))) found.push(w);
  return found;
}
