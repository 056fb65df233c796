// Per-scan lookup tables over the object index, built once per kind and memoized on the context,
// so that per-workload joins (Services, ServiceAccounts, ConfigMaps, HPAs…) stay linear in scan size.
import { matchesMapSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { podLabelsOf } from "../../engine/workload";

/** The namespace an object lives in; a namespaced object written without one lands in "default". */
export function namespaceOf(obj: K8sObject): string {
  return obj.metadata?.namespace || "default";
}

/** Objects of a kind grouped by namespace (missing namespace = "default"). */
export function objectsByNamespace(ctx: EvalContext, kind: string): Map<string, K8sObject[]> {
  return ctx.cache(`workload-hygiene:by-namespace:${kind}`, () => {
    const map = new Map<string, K8sObject[]>();
    for (const obj of ctx.index.byKind(kind)) {
      const ns = namespaceOf(obj);
      let list = map.get(ns);
      if (!list) map.set(ns, (list = []));
      list.push(obj);
    }
    return map;
  });
}

export function objectsInNamespace(ctx: EvalContext, kind: string, namespace: string): readonly K8sObject[] {
  return objectsByNamespace(ctx, kind).get(namespace) ?? [];
}

/** The object of that kind, namespace and name when the scan has it. */
export function findNamespaced(ctx: EvalContext, kind: string, namespace: string, name: string): K8sObject | undefined {
  const table = ctx.cache(`workload-hygiene:by-name:${kind}`, () => {
    const map = new Map<string, K8sObject>();
    for (const obj of ctx.index.byKind(kind)) {
      const key = `${namespaceOf(obj)}\u0000${obj.metadata?.name ?? ""}`;
      if (!map.has(key)) map.set(key, obj);
    }
    return map;
  });
  return table.get(`${namespace}\u0000${name}`);
}

/**
 * Services that select the workload's pods. Each Service is indexed under the rarest pair of its
 * selector (a workload must carry every pair, so it carries that one), which keeps the candidates
 * per workload few even when many Services share a common label such as a Helm release name.
 */
export function servicesSelecting(workload: K8sObject, ctx: EvalContext): K8sObject[] {
  const index = ctx.cache("workload-hygiene:services-by-selector-pair", () => {
    const pairKey = (ns: string, k: string, v: unknown) => `${ns}\u0000${k}\u0000${String(v)}`;
    const selectors: [K8sObject, string[]][] = [];
    const frequency = new Map<string, number>();
    for (const service of ctx.index.byKind("Service")) {
      const selector = service.spec?.selector;
      if (!selector || typeof selector !== "object") continue;
      const ns = namespaceOf(service);
      const keys = Object.entries(selector as Record<string, unknown>).map(([k, v]) => pairKey(ns, k, v));
      // A Service without selector selects nothing (its endpoints are managed by hand).
      if (!keys.length) continue;
      selectors.push([service, keys]);
      for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
    }
    const map = new Map<string, K8sObject[]>();
    for (const [service, keys] of selectors) {
      const rarest = keys.reduce((best, key) => (frequency.get(key)! < frequency.get(best)! ? key : best));
      let list = map.get(rarest);
      if (!list) map.set(rarest, (list = []));
      list.push(service);
    }
    return map;
  });
  const ns = namespaceOf(workload);
  const labels = podLabelsOfCached(workload);
  const found: K8sObject[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const service of index.get(`${ns}\u0000${k}\u0000${v}`) ?? []) {
      if (matchesMapSelector(service.spec.selector, labels)) found.push(service);
    }
  }
  return found;
}

const labelsOf = new WeakMap<K8sObject, Record<string, string>>();

/** Labels of the pods an object creates, memoized per object (many controls join on them). */
export function podLabelsOfCached(obj: K8sObject): Record<string, string> {
  let labels = labelsOf.get(obj);
  if (!labels) labelsOf.set(obj, (labels = podLabelsOf(obj)));
  return labels;
}
