// One index per scan: objects by kind/namespace/name/uid, owner chains, and the selector joins
// controls need (service account → workloads, Service/Ingress/Route → workloads, NetworkPolicy → pods).
import { matchesLabelSelector, matchesMapSelector, type LabelSelector } from "./label-selector";
import type { K8sObject, ObjectRef, ResourceRef } from "./types";
import { isWorkload, podLabelsOf, serviceAccountNameOf } from "./workload";

/** A namespace or name as a lookup key: "" when absent, a malformed non-string as it prints. */
function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

export function refOf(obj: K8sObject): ObjectRef {
  const ref: ObjectRef = { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata?.name ?? "" };
  if (obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
  return ref;
}

/** A stable string key for an object: `apiGroup/kind/namespace/name` (version-independent). */
export function objectKey(obj: Pick<ObjectRef, "apiVersion" | "kind" | "name" | "namespace">): string {
  const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
  return `${group}/${obj.kind}/${obj.namespace ?? ""}/${obj.name}`;
}

/**
 * The objects of one kind that controls evaluate, with the ref, resource and key of each built on first
 * failure and then shared by every control's findings on that object (100k+ findings on a large scan).
 */
export class EvaluationTargets {
  private readonly refs: (ObjectRef | undefined)[];
  private readonly resources: (ResourceRef | undefined)[];
  private readonly keys: (string | undefined)[];

  constructor(
    readonly objects: readonly K8sObject[],
    private readonly sharedNames: ReadonlySet<K8sObject>,
  ) {
    this.refs = new Array(objects.length);
    this.resources = new Array(objects.length);
    this.keys = new Array(objects.length);
  }

  /** `refOf(objects[i])`, shared (read-only). */
  refAt(i: number): ObjectRef {
    return (this.refs[i] ??= refOf(this.objects[i]));
  }

  /** `{ object: refAt(i) }`, shared (read-only). */
  resourceAt(i: number): ResourceRef {
    return (this.resources[i] ??= { object: this.refAt(i) });
  }

  /** `objectKey(refOf(objects[i]))`. */
  keyAt(i: number): string {
    return (this.keys[i] ??= objectKey(this.refAt(i)));
  }

  /** True when another object of this kind may have the same key (same namespace and name). */
  keyRepeats(i: number): boolean {
    return this.sharedNames.size !== 0 && this.sharedNames.has(this.objects[i]);
  }
}

export class ObjectIndex {
  readonly all: readonly K8sObject[];
  private readonly kinds = new Map<string, K8sObject[]>();
  // kind → namespace ("" for cluster-scoped) → name → the last object with that identity.
  private readonly byName = new Map<string, Map<string, Map<string, K8sObject>>>();
  // Objects whose kind, namespace and name another object of the scan also has (another version or group).
  private readonly sharedNames = new Set<K8sObject>();
  private readonly uids = new Map<string, K8sObject>();
  private readonly namespaced = new Map<string, K8sObject[]>();
  private workloadList?: K8sObject[];
  private workloadsByNamespace?: Map<string, K8sObject[]>;
  // Every control with `kinds` walks the same per-kind lists; owner chains are resolved once per scan.
  private readonly targetsByKind = new Map<string, EvaluationTargets>();

  constructor(objects: readonly K8sObject[]) {
    this.all = objects;
    for (const obj of objects) {
      let list = this.kinds.get(obj.kind);
      if (!list) this.kinds.set(obj.kind, (list = []));
      list.push(obj);
      this.addName(obj);
      if (obj.metadata?.uid) this.uids.set(obj.metadata.uid, obj);
      const ns = obj.metadata?.namespace;
      if (ns) {
        let nsList = this.namespaced.get(ns);
        if (!nsList) this.namespaced.set(ns, (nsList = []));
        nsList.push(obj);
      }
    }
  }

  private addName(obj: K8sObject): void {
    const kind = String(obj.kind);
    let byNamespace = this.byName.get(kind);
    if (!byNamespace) this.byName.set(kind, (byNamespace = new Map()));
    const namespace = text(obj.metadata?.namespace);
    let byName = byNamespace.get(namespace);
    if (!byName) byNamespace.set(namespace, (byName = new Map()));
    const name = text(obj.metadata?.name);
    const known = byName.get(name);
    if (known) this.sharedNames.add(known).add(obj);
    byName.set(name, obj);
  }

  byKind(kind: string): readonly K8sObject[] {
    return this.kinds.get(kind) ?? [];
  }

  /**
   * Objects of a kind that are judged on their own: a pod-bearing object owned by another pod-bearing
   * object of this scan is left out (it is reported on that owner). Memoized per kind.
   */
  evaluationTargets(kind: string): EvaluationTargets {
    let targets = this.targetsByKind.get(kind);
    if (!targets) {
      const all = this.byKind(kind);
      const objects = all.length && isWorkload(all[0]) ? this.withoutWorkloadOwner(all) : all;
      targets = new EvaluationTargets(objects, this.sharedNames);
      this.targetsByKind.set(kind, targets);
    }
    return targets;
  }

  kindsPresent(): string[] {
    return [...this.kinds.keys()];
  }

  get(kind: string, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.byName.get(String(kind))?.get(text(namespace))?.get(text(name));
  }

  byUid(uid: string): K8sObject | undefined {
    return this.uids.get(uid);
  }

  inNamespace(namespace: string): readonly K8sObject[] {
    return this.namespaced.get(namespace) ?? [];
  }

  /** Names of every namespace known: Namespace objects plus namespaces objects live in. */
  namespaceNames(): string[] {
    const names = new Set<string>(this.namespaced.keys());
    for (const ns of this.byKind("Namespace")) if (ns.metadata?.name) names.add(ns.metadata.name);
    return [...names].sort();
  }

  /** The controlling owner of an object when it is present in this scan. */
  ownerOf(obj: K8sObject): K8sObject | undefined {
    const refs = obj.metadata?.ownerReferences;
    if (!Array.isArray(refs) || refs.length === 0) return undefined;
    let ref = refs[0];
    for (const r of refs) {
      if (r.controller) {
        ref = r;
        break;
      }
    }
    if (ref.uid) {
      const byUid = this.uids.get(ref.uid);
      if (byUid) return byUid;
    }
    if (ref.kind && ref.name) return this.get(ref.kind, obj.metadata?.namespace, ref.name);
    return undefined;
  }

  /** Follows owner references up to the top object present in this scan (the object itself when unowned). */
  topOwner(obj: K8sObject): K8sObject {
    let current = obj;
    const seen = new Set<K8sObject>([obj]);
    for (;;) {
      const owner = this.ownerOf(current);
      if (!owner || seen.has(owner)) return current;
      seen.add(owner);
      current = owner;
    }
  }

  /** True when the object is owned by another object of this scan (it is then reported on its owner). */
  hasPresentOwner(obj: K8sObject): boolean {
    return this.ownerOf(obj) !== undefined;
  }

  /**
   * True when a pod-bearing object is owned by another pod-bearing object of this scan (a Pod of a
   * ReplicaSet, a ReplicaSet of a Deployment, a Job of a CronJob): it is then judged on that owner.
   * An owner that is a custom resource does not count: nothing judges the custom resource's pods.
   */
  hasWorkloadOwner(obj: K8sObject): boolean {
    const owner = this.ownerOf(obj);
    return owner !== undefined && isWorkload(owner);
  }

  /** Pod-bearing objects that no other scanned object owns: what users think of as "workloads". */
  workloads(): readonly K8sObject[] {
    if (!this.workloadList) {
      const list: K8sObject[] = [];
      for (const o of this.all) if (isWorkload(o) && !this.hasWorkloadOwner(o)) list.push(o);
      this.workloadList = list;
      this.workloadsByNamespace = new Map();
      for (const w of this.workloadList) {
        const ns = w.metadata?.namespace ?? "default";
        let list = this.workloadsByNamespace.get(ns);
        if (!list) this.workloadsByNamespace.set(ns, (list = []));
        list.push(w);
      }
    }
    return this.workloadList;
  }

  workloadsInNamespace(namespace: string): readonly K8sObject[] {
    this.workloads();
    return this.workloadsByNamespace!.get(namespace) ?? [];
  }

  workloadsUsingServiceAccount(namespace: string, name: string): K8sObject[] {
    let byAccount = this.workloadsByAccount.get(namespace);
    if (!byAccount) {
      byAccount = new Map();
      for (const w of this.workloadsInNamespace(namespace)) {
        const account = serviceAccountNameOf(w);
        const list = byAccount.get(account);
        if (list) list.push(w);
        else byAccount.set(account, [w]);
      }
      this.workloadsByAccount.set(namespace, byAccount);
    }
    return [...(byAccount.get(name) ?? [])];
  }

  /** Workloads whose pods a Service-style map selector selects. */
  workloadsSelectedBy(namespace: string, selector: Record<string, string> | undefined): K8sObject[] {
    const selected: K8sObject[] = [];
    for (const w of this.labelledWorkloads(namespace, selector)) if (matchesMapSelector(selector, this.podLabels(w))) selected.push(w);
    return selected;
  }

  /** Workloads whose pods a LabelSelector selects (NetworkPolicy podSelector, PDB, …). */
  workloadsMatching(namespace: string, selector: LabelSelector | undefined): K8sObject[] {
    const matchLabels = selector && typeof selector === "object" ? selector.matchLabels : undefined;
    const selected: K8sObject[] = [];
    for (const w of this.labelledWorkloads(namespace, matchLabels)) if (matchesLabelSelector(selector, this.podLabels(w))) selected.push(w);
    return selected;
  }

  /** Services in the workload's namespace that select its pods. */
  servicesFor(workload: K8sObject): K8sObject[] {
    const labels = this.podLabels(workload);
    const services: K8sObject[] = [];
    for (const o of this.ofKindIn("Service", workload.metadata?.namespace ?? "default")) if (matchesMapSelector(o.spec?.selector, labels)) services.push(o);
    return services;
  }

  /** Ingresses (any version) that route to the named Service. */
  ingressesForService(namespace: string, serviceName: string): K8sObject[] {
    if (!this.ingressesByService) {
      this.ingressesByService = new Map();
      for (const ingress of this.byKind("Ingress")) {
        const ns = ingress.metadata?.namespace;
        if (!ns) continue;
        for (const name of ingressBackendServices(ingress)) pushTo(this.ingressesByService, ns, name, ingress);
      }
    }
    return [...(this.ingressesByService.get(namespace)?.get(serviceName) ?? [])];
  }

  /** Gateway API routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) whose backends include the Service. */
  routesForService(namespace: string, serviceName: string): K8sObject[] {
    if (!this.routesByService) {
      // One walk over the scan instead of one per call; routes stay in scan order, each listed once per Service.
      this.routesByService = new Map();
      for (const o of this.all) {
        if (!ROUTE_KINDS.has(o.kind)) continue;
        for (const b of routeBackendServices(o, o.metadata?.namespace ?? "default")) {
          const listed = this.routesByService.get(b.namespace)?.get(b.name);
          if (listed?.[listed.length - 1] !== o) pushTo(this.routesByService, b.namespace, b.name, o);
        }
      }
    }
    return [...(this.routesByService.get(namespace)?.get(serviceName) ?? [])];
  }

  /** NetworkPolicies in the workload's namespace whose podSelector selects its pods. */
  networkPoliciesFor(workload: K8sObject): K8sObject[] {
    const labels = this.podLabels(workload);
    const policies: K8sObject[] = [];
    for (const o of this.ofKindIn("NetworkPolicy", workload.metadata?.namespace ?? "default")) {
      if (matchesLabelSelector(o.spec?.podSelector ?? {}, labels)) policies.push(o);
    }
    return policies;
  }

  // Lazily built joins for the selector queries above: per-scan maps instead of a walk per call.
  private readonly workloadsByAccount = new Map<string, Map<string, K8sObject[]>>();
  private readonly workloadLabels = new Map<K8sObject, Record<string, string>>();
  private readonly workloadsByLabel = new Map<string, Map<string, Map<unknown, K8sObject[]>>>();
  private readonly kindInNamespace = new Map<string, K8sObject[]>();
  private ingressesByService?: Map<string, Map<string, K8sObject[]>>;
  private routesByService?: Map<unknown, Map<string, K8sObject[]>>;

  private withoutWorkloadOwner(all: readonly K8sObject[]): K8sObject[] {
    const own: K8sObject[] = [];
    for (const o of all) if (!this.hasWorkloadOwner(o)) own.push(o);
    return own;
  }

  private podLabels(obj: K8sObject): Record<string, string> {
    let labels = this.workloadLabels.get(obj);
    if (!labels) this.workloadLabels.set(obj, (labels = podLabelsOf(obj)));
    return labels;
  }

  /** Objects of one kind in one namespace (the namespace's own objects, in scan order). */
  private ofKindIn(kind: string, namespace: string): K8sObject[] {
    const key = `${kind}\u0000${namespace}`;
    let list = this.kindInNamespace.get(key);
    if (!list) {
      list = [];
      for (const o of this.inNamespace(namespace)) if (o.kind === kind) list.push(o);
      this.kindInNamespace.set(key, list);
    }
    return list;
  }

  /**
   * The namespace's workloads that can satisfy `required` (a map of labels a selector needs): the
   * shortest posting list among its string-valued pairs, or every workload. Lists keep scan order.
   */
  private labelledWorkloads(namespace: string, required: unknown): readonly K8sObject[] {
    const all = this.workloadsInNamespace(namespace);
    if (!required || typeof required !== "object") return all;
    let byKey = this.workloadsByLabel.get(namespace);
    if (!byKey) {
      byKey = new Map();
      for (const w of all) {
        const labels = this.podLabels(w);
        // Object.keys, like the selector tests, also sees the indexes of a (malformed) string.
        if (labels === null || labels === undefined) continue;
        for (const k of Object.keys(labels)) {
          let byValue = byKey.get(k);
          if (!byValue) byKey.set(k, (byValue = new Map()));
          const list = byValue.get(labels[k]);
          if (list) list.push(w);
          else byValue.set(labels[k], [w]);
        }
      }
      this.workloadsByLabel.set(namespace, byKey);
    }
    let best: readonly K8sObject[] = all;
    for (const k of Object.keys(required)) {
      const value = (required as Record<string, unknown>)[k];
      if (typeof value !== "string") continue;
      const list = byKey.get(k)?.get(value) ?? [];
      if (list.length < best.length) best = list;
    }
    return best;
  }
}

const ROUTE_KINDS: ReadonlySet<string> = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);

function pushTo<K, V>(map: Map<K, Map<string, V[]>>, outer: K, inner: string, value: V): void {
  let byInner = map.get(outer);
  if (!byInner) map.set(outer, (byInner = new Map()));
  const list = byInner.get(inner);
  if (list) list.push(value);
  else byInner.set(inner, [value]);
}

/** Names of the Services an Ingress routes to (networking.k8s.io/v1 and legacy extensions/v1beta1 shapes). */
export function ingressBackendServices(ingress: K8sObject): string[] {
  const names = new Set<string>();
  addBackendService(names, ingress.spec?.defaultBackend ?? ingress.spec?.backend);
  for (const rule of ingress.spec?.rules ?? []) {
    for (const path of rule?.http?.paths ?? []) addBackendService(names, path?.backend);
  }
  return [...names];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function addBackendService(names: Set<string>, backend: any): void {
  const name = backend?.service?.name ?? backend?.serviceName;
  if (typeof name === "string") names.add(name);
}

/** Service backends of a Gateway API route, with namespace defaulted to the route's own. */
export function routeBackendServices(route: K8sObject, routeNamespace: string): { name: string; namespace: string }[] {
  const result: { name: string; namespace: string }[] = [];
  for (const rule of route.spec?.rules ?? []) {
    for (const ref of rule?.backendRefs ?? []) {
      const kind = ref?.kind ?? "Service";
      const group = ref?.group ?? "";
      if (kind === "Service" && group === "" && typeof ref?.name === "string") {
        result.push({ name: ref.name, namespace: ref.namespace ?? routeNamespace });
      }
    }
  }
  return result;
}
