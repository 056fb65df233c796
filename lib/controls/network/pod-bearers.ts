// Pod-bearing objects per namespace, owned ones included (a Pod created by a ReplicaSet still carries
// the labels selectors are written against), with a label index so selector lookups stay fast on
// large scans.
import { matchesLabelSelector, matchesMapSelector, type LabelSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { WORKLOAD_KINDS, isWorkload, podLabelsOf } from "../../engine/workload";

export interface PodBearer {
  object: K8sObject;
  labels: Record<string, string>;
}

/** Pod bearers with a posting list per label: key → value → the bearers carrying it, in order. */
export interface LabelledPods {
  all: PodBearer[];
  byLabel: Map<string, Map<unknown, PodBearer[]>>;
}

/** Indexes pod bearers by their labels (exact values, no string building per pair). */
export function indexPodBearers(all: PodBearer[]): LabelledPods {
  const byLabel = new Map<string, Map<unknown, PodBearer[]>>();
  for (const bearer of all) {
    const labels = bearer.labels;
    if (labels === null || labels === undefined) continue;
    // Own keys as Object.keys sees them (a malformed string's indexes too), without a key array per bearer.
    for (const k in labels) {
      if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
      let byValue = byLabel.get(k);
      if (!byValue) byLabel.set(k, (byValue = new Map()));
      const v = labels[k];
      const list = byValue.get(v);
      if (list) list.push(bearer);
      else byValue.set(v, [bearer]);
    }
  }
  return { all, byLabel };
}

function namespacePods(ctx: EvalContext, namespace: string): LabelledPods {
  const byNamespace = ctx.cache("network/pod-bearers", () => new Map<string, LabelledPods>());
  let pods = byNamespace.get(namespace);
  if (!pods) {
    const objects = ctx.index.inNamespace(namespace).filter(isWorkload);
    // Objects without a namespace are applied to "default".
    if (namespace === "default") {
      for (const kind of WORKLOAD_KINDS) {
        for (const o of ctx.index.byKind(kind)) if (!o.metadata?.namespace) objects.push(o);
      }
    }
    const bearers: PodBearer[] = [];
    for (const object of objects) bearers.push({ object, labels: podLabelsOf(object) });
    pods = indexPodBearers(bearers);
    byNamespace.set(namespace, pods);
  }
  return pods;
}

/** How many pod-bearing objects of the namespace carry the label `key: value`. */
export function podLabelCount(ctx: EvalContext, namespace: string, key: string, value: string): number {
  return namespacePods(ctx, namespace).byLabel.get(key)?.get(value)?.length ?? 0;
}

/** Pod-bearing objects of a namespace; objects without a namespace count as "default". */
export function podBearersIn(ctx: EvalContext, namespace: string): PodBearer[] {
  return namespacePods(ctx, namespace).all;
}

const NO_BEARERS: PodBearer[] = [];

/**
 * Candidates for a selector: the shortest posting list among its required labels, or everything.
 * Every posting list keeps the bearers' order, so filtering any of them gives the same result.
 */
function candidates(pods: LabelledPods, required: Record<string, string>): PodBearer[] {
  let best: PodBearer[] | undefined;
  for (const k of Object.keys(required)) {
    const list = pods.byLabel.get(k)?.get(required[k]) ?? NO_BEARERS;
    if (!best || list.length < best.length) best = list;
  }
  return best ?? pods.all;
}

/** Pod bearers (of an index) a Service-style map selector selects (none for an empty selector). */
export function labelledPodsMatchingMap(pods: LabelledPods, selector: Record<string, string> | undefined): PodBearer[] {
  if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return [];
  const selected: PodBearer[] = [];
  for (const b of candidates(pods, selector)) if (matchesMapSelector(selector, b.labels)) selected.push(b);
  return selected;
}

/** True when a Service-style map selector selects at least one pod bearer of the namespace. */
export function anyPodBearerMatchingMap(ctx: EvalContext, namespace: string, selector: Record<string, string> | undefined): boolean {
  if (!selector || typeof selector !== "object") return false;
  // One Service per call on every scan: the shortest posting list without a second walk of the keys.
  const byLabel = namespacePods(ctx, namespace).byLabel;
  let best: PodBearer[] | undefined;
  for (const k of Object.keys(selector)) {
    const list = byLabel.get(k)?.get(selector[k]) ?? NO_BEARERS;
    if (!best || list.length < best.length) best = list;
  }
  // No keys: an empty selector selects nothing.
  if (!best) return false;
  for (let i = 0; i < best.length; i++) if (matchesMapSelector(selector, best[i].labels)) return true;
  return false;
}

/** Pod bearers of the namespace a Service-style map selector selects (none for an empty selector). */
export function podBearersMatchingMap(ctx: EvalContext, namespace: string, selector: Record<string, string> | undefined): PodBearer[] {
  return labelledPodsMatchingMap(namespacePods(ctx, namespace), selector);
}

/** Pod bearers of the namespace a LabelSelector selects (all of them for `{}`). */
export function podBearersMatchingSelector(ctx: EvalContext, namespace: string, selector: LabelSelector): PodBearer[] {
  const pods = namespacePods(ctx, namespace);
  const required: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  for (const req of selector.matchExpressions ?? []) {
    if (req.operator === "In" && req.values?.length === 1) required[req.key] = req.values[0];
  }
  const selected: PodBearer[] = [];
  for (const b of candidates(pods, required)) if (matchesLabelSelector(selector, b.labels)) selected.push(b);
  return selected;
}
