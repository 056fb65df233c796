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

interface NamespacePods {
  all: PodBearer[];
  /** `key=value` → pod bearers carrying that label. */
  byLabel: Map<string, PodBearer[]>;
}

function namespacePods(ctx: EvalContext, namespace: string): NamespacePods {
  return ctx.cache(`network/pod-bearers/${namespace}`, () => {
    const objects = ctx.index.inNamespace(namespace).filter(isWorkload);
    // Objects without a namespace are applied to "default".
    if (namespace === "default") {
      for (const kind of WORKLOAD_KINDS) {
        for (const o of ctx.index.byKind(kind)) if (!o.metadata?.namespace) objects.push(o);
      }
    }
    const all = objects.map((object) => ({ object, labels: podLabelsOf(object) }));
    const byLabel = new Map<string, PodBearer[]>();
    for (const bearer of all) {
      for (const [k, v] of Object.entries(bearer.labels)) {
        const key = `${k}=${v}`;
        let list = byLabel.get(key);
        if (!list) byLabel.set(key, (list = []));
        list.push(bearer);
      }
    }
    return { all, byLabel };
  });
}

/** Pod-bearing objects of a namespace; objects without a namespace count as "default". */
export function podBearersIn(ctx: EvalContext, namespace: string): PodBearer[] {
  return namespacePods(ctx, namespace).all;
}

/** Candidates for a selector: the shortest posting list among its required labels, or everything. */
function candidates(pods: NamespacePods, required: Record<string, string>): PodBearer[] {
  let best: PodBearer[] | undefined;
  for (const [k, v] of Object.entries(required)) {
    const list = pods.byLabel.get(`${k}=${v}`) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? pods.all;
}

/** Pod bearers of the namespace a Service-style map selector selects (none for an empty selector). */
export function podBearersMatchingMap(ctx: EvalContext, namespace: string, selector: Record<string, string> | undefined): PodBearer[] {
  if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return [];
  return candidates(namespacePods(ctx, namespace), selector).filter((b) => matchesMapSelector(selector, b.labels));
}

/** Pod bearers of the namespace a LabelSelector selects (all of them for `{}`). */
export function podBearersMatchingSelector(ctx: EvalContext, namespace: string, selector: LabelSelector): PodBearer[] {
  const pods = namespacePods(ctx, namespace);
  const required: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  for (const req of selector.matchExpressions ?? []) {
    if (req.operator === "In" && req.values?.length === 1) required[req.key] = req.values[0];
  }
  return candidates(pods, required).filter((b) => matchesLabelSelector(selector, b.labels));
}
