// Per-scan lookup tables over the object index, built once per kind and memoized on the context,
// so that per-workload joins (Services, ServiceAccounts, ConfigMaps, HPAs…) stay linear in scan size.
// Tables are nested maps: a lookup builds no key string.
import { matchesMapSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { podLabelsOf } from "../../engine/workload";

/** The namespace an object lives in; a namespaced object written without one lands in "default". */
export function namespaceOf(obj: K8sObject): string {
  return obj.metadata?.namespace || "default";
}

/** This area's lookup tables for one scan, each filled on first use. */
interface ScanTables {
  /** kind → namespace → objects, in scan order. */
  byNamespace: Map<string, Map<string, K8sObject[]>>;
  /** kind → namespace → name → the first such object of the scan. */
  byName: Map<string, Map<string, Map<string, K8sObject>>>;
  /** Services by the rarest pair of their selector: namespace → label key → value → Services. */
  servicesByPair?: Map<string, Map<string, Map<string, K8sObject[]>>>;
}

const newTables = (): ScanTables => ({ byNamespace: new Map(), byName: new Map() });

function tablesOf(ctx: EvalContext): ScanTables {
  return ctx.cache("workload-hygiene:scan-tables", newTables);
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function mapIn<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let inner = map.get(key);
  if (inner === undefined) map.set(key, (inner = create()));
  return inner;
}

const newMap = <K, V>() => new Map<K, V>();

/** Objects of a kind grouped by namespace (missing namespace = "default"). */
export function objectsByNamespace(ctx: EvalContext, kind: string): Map<string, K8sObject[]> {
  const tables = tablesOf(ctx);
  let map = tables.byNamespace.get(kind);
  if (!map) {
    map = new Map();
    for (const obj of ctx.index.byKind(kind)) listIn(map, namespaceOf(obj)).push(obj);
    tables.byNamespace.set(kind, map);
  }
  return map;
}

const NO_OBJECTS: readonly K8sObject[] = Object.freeze([]);

export function objectsInNamespace(ctx: EvalContext, kind: string, namespace: string): readonly K8sObject[] {
  return objectsByNamespace(ctx, kind).get(namespace) ?? NO_OBJECTS;
}

/** The object of that kind, namespace and name when the scan has it. */
export function findNamespaced(ctx: EvalContext, kind: string, namespace: string, name: string): K8sObject | undefined {
  const tables = tablesOf(ctx);
  let byNamespace = tables.byName.get(kind);
  if (!byNamespace) {
    byNamespace = new Map();
    for (const obj of ctx.index.byKind(kind)) {
      // Compared as strings, like the manifest text (a name written as a YAML number still matches).
      const byName = mapIn(byNamespace, String(namespaceOf(obj)), newMap<string, K8sObject>);
      const objName = String(obj.metadata?.name ?? "");
      if (!byName.has(objName)) byName.set(objName, obj);
    }
    tables.byName.set(kind, byNamespace);
  }
  return byNamespace.get(String(namespace))?.get(String(name));
}

/**
 * Services indexed under the rarest pair of their selector (a workload must carry every pair, so it
 * carries that one), which keeps the candidates per workload few even when many Services share a
 * common label such as a Helm release name. Values are compared as strings.
 */
function servicesByRarestPair(ctx: EvalContext): Map<string, Map<string, Map<string, K8sObject[]>>> {
  const tables = tablesOf(ctx);
  if (tables.servicesByPair) return tables.servicesByPair;
  const selectors: [K8sObject, string, string[], string[]][] = [];
  const frequency = new Map<string, Map<string, Map<string, number>>>();
  for (const service of ctx.index.byKind("Service")) {
    const selector = service.spec?.selector;
    if (!selector || typeof selector !== "object") continue;
    const keys = Object.keys(selector);
    // A Service without selector selects nothing (its endpoints are managed by hand).
    if (!keys.length) continue;
    const ns = String(namespaceOf(service));
    const values: string[] = new Array(keys.length);
    const inNamespace = mapIn(frequency, ns, newMap<string, Map<string, number>>);
    for (let i = 0; i < keys.length; i++) {
      const value = (values[i] = String((selector as Record<string, unknown>)[keys[i]]));
      const byValue = mapIn(inNamespace, keys[i], newMap<string, number>);
      byValue.set(value, (byValue.get(value) ?? 0) + 1);
    }
    selectors.push([service, ns, keys, values]);
  }
  const index = new Map<string, Map<string, Map<string, K8sObject[]>>>();
  for (const [service, ns, keys, values] of selectors) {
    const counts = frequency.get(ns)!;
    let rarest = 0;
    for (let i = 1; i < keys.length; i++) {
      if (counts.get(keys[i])!.get(values[i])! < counts.get(keys[rarest])!.get(values[rarest])!) rarest = i;
    }
    const byKey = mapIn(index, ns, newMap<string, Map<string, K8sObject[]>>);
    listIn(mapIn(byKey, keys[rarest], newMap<string, K8sObject[]>), values[rarest]).push(service);
  }
  return (tables.servicesByPair = index);
}

/** Services that select the workload's pods. */
export function servicesSelecting(workload: K8sObject, ctx: EvalContext): K8sObject[] {
  const found: K8sObject[] = [];
  const byKey = servicesByRarestPair(ctx).get(String(namespaceOf(workload)));
  if (!byKey) return found;
  const labels = podLabelsOfCached(workload);
  // for…in over own keys visits what Object.entries would, in the same order, without an entry array.
  for (const k in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
    const services = byKey.get(k)?.get(String(labels[k]));
    if (!services) continue;
    for (const service of services) {
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
