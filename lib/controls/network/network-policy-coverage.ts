// Which pods are isolated, and how, by Kubernetes NetworkPolicies and Cilium policies
// (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy), following each API's own semantics:
//
// - NetworkPolicy: `podSelector: {}` selects every pod of the policy's namespace. `policyTypes`, when
//   set, lists the directions it isolates; when absent, Ingress is implied and Egress only when the
//   policy has egress rules (what the API server defaults on create).
// - Cilium: `spec` and every entry of `specs` is a rule. A rule selects endpoints with
//   `endpointSelector` (label keys may carry a source prefix such as `k8s:`; pseudo-labels name the
//   namespace, service account and namespace labels). A rule with a non-empty `ingress`/`ingressDeny`
//   (`egress`/`egressDeny`) section puts its endpoints in default-deny for that direction unless
//   `enableDefaultDeny` turns it off. A CiliumNetworkPolicy only selects endpoints of its namespace;
//   a clusterwide one selects in every namespace. Rules with `nodeSelector` select nodes, not pods.
import { matchesLabelSelector, type LabelSelector } from "../../engine/label-selector";
import type { EvalContext, K8sObject } from "../../engine/types";
import { podLabelsOf, podSpecOf, serviceAccountNameOf } from "../../engine/workload";
import { ipBlockAdmits, isUniversalCidr } from "./ip-blocks";
import { podLabelCount } from "./pod-bearers";

export type Direction = "ingress" | "egress";

export const POLICY_KINDS = ["NetworkPolicy", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** One rule of a network policy: a NetworkPolicy, or one `spec`/`specs[i]` entry of a Cilium policy. */
export interface PolicyRule {
  kind: PolicyKind;
  policy: K8sObject;
  /** `spec` or `specs[i]`: where the rule lives in the policy, for finding paths. */
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** Namespace the rule is confined to; undefined for clusterwide Cilium policies. */
  namespace?: string;
  isolates: Record<Direction, boolean>;
}

/** What a selector can see of a pod: its labels plus the context Cilium exposes as pseudo-labels. */
export interface PodIdentity {
  namespace: string;
  labels: Record<string, string>;
  serviceAccount: string;
  namespaceLabels: Record<string, string>;
}

const CILIUM_NAMESPACE_KEY = "io.kubernetes.pod.namespace";
const CILIUM_SERVICE_ACCOUNT_KEY = "io.cilium.k8s.policy.serviceaccount";
const CILIUM_NAMESPACE_LABEL_PREFIX = "io.cilium.k8s.namespace.labels.";

export function namespaceOf(obj: K8sObject): string {
  return obj.metadata?.namespace || "default";
}

function nonEmptyArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** Directions a NetworkPolicy isolates, with the API server's defaulting of `policyTypes`. */
export function networkPolicyTypes(spec: unknown): Record<Direction, boolean> {
  const s = isObject(spec) ? spec : {};
  if (nonEmptyArray(s.policyTypes)) {
    return { ingress: s.policyTypes.includes("Ingress"), egress: s.policyTypes.includes("Egress") };
  }
  return { ingress: true, egress: nonEmptyArray(s.egress) };
}

function ciliumIsolation(spec: Record<string, unknown>): Record<Direction, boolean> {
  const defaultDeny = isObject(spec.enableDefaultDeny) ? spec.enableDefaultDeny : {};
  return {
    ingress: (nonEmptyArray(spec.ingress) || nonEmptyArray(spec.ingressDeny)) && defaultDeny.ingress !== false,
    egress: (nonEmptyArray(spec.egress) || nonEmptyArray(spec.egressDeny)) && defaultDeny.egress !== false,
  };
}

/** Splits a policy object into its rules (none for other kinds or malformed specs). */
export function rulesOfPolicy(obj: K8sObject): PolicyRule[] {
  const kind = obj.kind as PolicyKind;
  if (kind === "NetworkPolicy") {
    const spec = isObject(obj.spec) ? obj.spec : {};
    return [{ kind, policy: obj, path: "spec", spec, namespace: namespaceOf(obj), isolates: networkPolicyTypes(spec) }];
  }
  if (kind !== "CiliumNetworkPolicy" && kind !== "CiliumClusterwideNetworkPolicy") return [];
  const namespace = kind === "CiliumNetworkPolicy" ? namespaceOf(obj) : undefined;
  const rules: PolicyRule[] = [];
  const add = (spec: unknown, path: string) => {
    if (isObject(spec)) rules.push({ kind, policy: obj, path, spec, namespace, isolates: ciliumIsolation(spec) });
  };
  add(obj.spec, "spec");
  if (Array.isArray(obj.specs)) obj.specs.forEach((spec: unknown, i: number) => add(spec, `specs[${i}]`));
  return rules;
}

/** Every policy rule in the scan, computed once per scan. */
export function policyRules(ctx: EvalContext): PolicyRule[] {
  return ctx.cache("network/policy-rules", () =>
    POLICY_KINDS.flatMap((kind) => ctx.index.byKind(kind).flatMap(rulesOfPolicy)),
  );
}

/**
 * The rules that can select pods of one namespace (its own namespaced rules, then every clusterwide
 * one), indexed by one required label: a NetworkPolicy whose podSelector requires `app: web` can only
 * select pods labelled `app: web`. Charts rendered without a namespace put thousands of workloads and
 * every policy in "default"; without the index each workload is tested against every policy.
 */
interface NamespaceRules {
  rules: PolicyRule[];
  /** Positions (in `rules`) of rules that must be tested against every pod. */
  unindexed: number[];
  /** Those rules, in order (shared: read-only). */
  unindexedRules: PolicyRule[];
  /** The isolation of a pod that exactly the unindexed rules select, once one is seen (shared). */
  unindexedIsolation?: Isolation;
  /** True when every unindexed rule selects every pod of the namespace whatever its labels. */
  unindexedSelectAll: boolean;
  /** label key → label value → positions of rules requiring that label. */
  byLabel: Map<string, Map<string, number[]>>;
  /** Isolations by the list of rules selecting a pod, as a trie keyed rule by rule. */
  interned: IsolationNode;
}

interface IsolationNode {
  next?: Map<PolicyRule, IsolationNode>;
  isolation?: Isolation;
}

/**
 * The string-valued matchLabels entry of the rule's selector that the fewest pods of the namespace
 * carry, if any. Charts label every workload with the same release labels, so the first entry is
 * often shared by all of them; the rarest one keeps each workload's candidate list short.
 */
function requiredLabel(ctx: EvalContext, namespace: string, rule: PolicyRule): [string, string] | undefined {
  if (rule.kind !== "NetworkPolicy" || !isObject(rule.spec.podSelector)) return undefined;
  const matchLabels = rule.spec.podSelector.matchLabels;
  if (!isObject(matchLabels)) return undefined;
  let best: [string, string] | undefined;
  let bestCount = Infinity;
  for (const key of Object.keys(matchLabels)) {
    const value = matchLabels[key];
    if (typeof value !== "string") continue;
    const count = podLabelCount(ctx, namespace, key, value);
    if (count < bestCount) {
      best = [key, value];
      bestCount = count;
      if (count === 0) break;
    }
  }
  return best;
}

/** What the isolation of workloads is computed from and remembered in, once per scan. */
interface IsolationState {
  /** Rules by namespace (undefined: clusterwide). */
  byNamespace: Map<string | undefined, PolicyRule[]>;
  indexes: Map<string, NamespaceRules>;
  isolation: Map<K8sObject, Isolation>;
}

// One cache lookup per isolationOf call: three controls ask for every workload.
function isolationState(ctx: EvalContext): IsolationState {
  return ctx.cache("network/isolation-state", () => {
    const byNamespace = new Map<string | undefined, PolicyRule[]>();
    for (const rule of policyRules(ctx)) {
      let list = byNamespace.get(rule.namespace);
      if (!list) byNamespace.set(rule.namespace, (list = []));
      list.push(rule);
    }
    return { byNamespace, indexes: new Map(), isolation: new Map() };
  });
}

function rulesApplicableIn(ctx: EvalContext, state: IsolationState, namespace: string): NamespaceRules {
  let indexed = state.indexes.get(namespace);
  if (!indexed) {
    const rules = [...(state.byNamespace.get(namespace) ?? []), ...(state.byNamespace.get(undefined) ?? [])];
    indexed = { rules, unindexed: [], unindexedRules: [], unindexedSelectAll: true, byLabel: new Map(), interned: {} };
    rules.forEach((rule, position) => {
      const label = requiredLabel(ctx, namespace, rule);
      if (!label) {
        indexed!.unindexed.push(position);
        indexed!.unindexedRules.push(rule);
        if (!networkPolicySelectsAll(rule)) indexed!.unindexedSelectAll = false;
        return;
      }
      let byValue = indexed!.byLabel.get(label[0]);
      if (!byValue) indexed!.byLabel.set(label[0], (byValue = new Map()));
      const list = byValue.get(label[1]);
      if (list) list.push(position);
      else byValue.set(label[1], [position]);
    });
    state.indexes.set(namespace, indexed);
  }
  return indexed;
}

/** The rules that may select the pod, in `rules` order: every unindexed one plus those its labels hit. */
function candidateRules(applicable: NamespaceRules, labels: unknown): readonly PolicyRule[] {
  // Anything but a plain label map is left to the full selector test.
  if (!isObject(labels)) return applicable.rules;
  if (applicable.byLabel.size === 0) return applicable.unindexedRules;
  let positions: number[] | undefined;
  // for…in over own keys visits what Object.keys would, in the same order, without a key array per workload.
  for (const key in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
    const value = labels[key];
    if (typeof value !== "string") continue;
    const hit = applicable.byLabel.get(key)?.get(value);
    if (hit) (positions ??= [...applicable.unindexed]).push(...hit);
  }
  // Most workloads carry none of the labels the namespace's policies require.
  if (!positions) return applicable.unindexedRules;
  positions.sort(ascending);
  return positions.map((p) => applicable.rules[p]);
}

/**
 * True when a NetworkPolicy rule's podSelector matches any labels (absent, or without requirements),
 * judged conservatively: a selector this does not recognize is tested pod by pod.
 */
function networkPolicySelectsAll(rule: PolicyRule): boolean {
  if (rule.kind !== "NetworkPolicy") return false;
  const selector = rule.spec.podSelector;
  if (!isObject(selector)) return true;
  const { matchLabels, matchExpressions } = selector;
  const noLabels = matchLabels === undefined || matchLabels === null || (isObject(matchLabels) && Object.keys(matchLabels).length === 0);
  const noExpressions = matchExpressions === undefined || matchExpressions === null || (Array.isArray(matchExpressions) && matchExpressions.length === 0);
  return noLabels && noExpressions;
}

/** Labels of a namespace, including the immutable `kubernetes.io/metadata.name` the API server sets. */
export function namespaceLabels(ctx: EvalContext, namespace: string): Record<string, string> {
  const memo = ctx.cache("network/namespace-labels", () => new Map<string, Record<string, string>>());
  let labels = memo.get(namespace);
  if (!labels) {
    const ns = ctx.index.get("Namespace", undefined, namespace);
    labels = { ...(ns?.metadata?.labels ?? {}), "kubernetes.io/metadata.name": namespace };
    memo.set(namespace, labels);
  }
  return labels;
}

export function podIdentityOf(ctx: EvalContext, workload: K8sObject): PodIdentity {
  const namespace = namespaceOf(workload);
  return {
    namespace,
    labels: podLabelsOf(workload),
    serviceAccount: serviceAccountNameOf(workload),
    namespaceLabels: namespaceLabels(ctx, namespace),
  };
}

/** Cilium label keys may carry a source (`k8s:app`, `any:app`); pods only have k8s-sourced labels. */
function ciliumKeyForPods(key: string): string | undefined {
  const colon = key.indexOf(":");
  if (colon < 0) return key;
  const source = key.slice(0, colon);
  return source === "k8s" || source === "any" ? key.slice(colon + 1) : undefined;
}

/** A Cilium endpoint selector rewritten to match the pseudo-label view of a pod. */
function normalizeCiliumSelector(selector: LabelSelector): LabelSelector | undefined {
  const matchLabels: Record<string, string> = {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const k = ciliumKeyForPods(key);
    // A `reserved:` or other non-pod source can never match a pod.
    if (k === undefined) return undefined;
    matchLabels[k] = String(value);
  }
  const matchExpressions = [];
  for (const req of selector.matchExpressions ?? []) {
    const k = ciliumKeyForPods(req.key);
    if (k === undefined) {
      if (req.operator === "DoesNotExist" || req.operator === "NotIn") continue;
      return undefined;
    }
    matchExpressions.push({ ...req, key: k });
  }
  return { matchLabels, matchExpressions };
}

const pseudoLabelMemo = new WeakMap<PodIdentity, Record<string, string>>();

function ciliumPseudoLabels(pod: PodIdentity): Record<string, string> {
  const known = pseudoLabelMemo.get(pod);
  if (known) return known;
  const labels: Record<string, string> = { ...pod.labels };
  labels[CILIUM_NAMESPACE_KEY] = pod.namespace;
  labels[CILIUM_SERVICE_ACCOUNT_KEY] = pod.serviceAccount;
  for (const [k, v] of Object.entries(pod.namespaceLabels)) labels[CILIUM_NAMESPACE_LABEL_PREFIX + k] = v;
  pseudoLabelMemo.set(pod, labels);
  return labels;
}

function networkPolicySelects(rule: PolicyRule, namespace: string, labels: Record<string, string>): boolean {
  if (rule.namespace !== undefined && rule.namespace !== namespace) return false;
  return matchesLabelSelector(isObject(rule.spec.podSelector) ? rule.spec.podSelector : {}, labels);
}

/** True when the rule selects the pod (so the pod is subject to the rule's isolation). */
export function ruleSelectsPod(rule: PolicyRule, pod: PodIdentity): boolean {
  if (rule.kind === "NetworkPolicy") return networkPolicySelects(rule, pod.namespace, pod.labels);
  if (rule.namespace !== undefined && rule.namespace !== pod.namespace) return false;
  if (!isObject(rule.spec.endpointSelector)) return false;
  const selector = normalizeCiliumSelector(rule.spec.endpointSelector as LabelSelector);
  return !!selector && matchesLabelSelector(selector, ciliumPseudoLabels(pod));
}

function selectorIsEmpty(selector: unknown): boolean {
  if (!isObject(selector)) return false;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return labels.length === 0 && expressions.length === 0;
}

/**
 * True when the rule selects every pod of the namespace, whatever their labels: an empty pod/endpoint
 * selector, or a clusterwide Cilium selector that only constrains the namespace.
 */
export function ruleSelectsWholeNamespace(rule: PolicyRule, namespace: string, nsLabels: Record<string, string>): boolean {
  if (rule.namespace !== undefined && rule.namespace !== namespace) return false;
  // An absent or null podSelector decodes to the empty selector, which selects every pod.
  if (rule.kind === "NetworkPolicy") return !isObject(rule.spec.podSelector) || selectorIsEmpty(rule.spec.podSelector);
  if (!isObject(rule.spec.endpointSelector)) return false;
  const selector = normalizeCiliumSelector(rule.spec.endpointSelector as LabelSelector);
  if (!selector) return false;
  const isNamespaceKey = (k: string) => k === CILIUM_NAMESPACE_KEY || k.startsWith(CILIUM_NAMESPACE_LABEL_PREFIX);
  const podKeys = [
    ...Object.keys(selector.matchLabels ?? {}),
    ...(selector.matchExpressions ?? []).map((e) => e.key),
  ].filter((k) => !isNamespaceKey(k));
  if (podKeys.length > 0) return false;
  const anyPod: PodIdentity = { namespace, labels: {}, serviceAccount: "", namespaceLabels: nsLabels };
  return matchesLabelSelector(selector, ciliumPseudoLabels(anyPod));
}

export interface Isolation {
  /** Rules selecting the pod, in any direction. */
  selecting: PolicyRule[];
  ingress: PolicyRule[];
  egress: PolicyRule[];
}

/** The isolation of every pod no rule can select (shared: read-only). */
const NOT_ISOLATED: Isolation = Object.freeze({
  selecting: Object.freeze([]) as unknown as PolicyRule[],
  ingress: Object.freeze([]) as unknown as PolicyRule[],
  egress: Object.freeze([]) as unknown as PolicyRule[],
});

/** The one Isolation of the namespace for pods selected by exactly `selecting` (owned by it when new). */
function internedIsolation(applicable: NamespaceRules, selecting: PolicyRule[]): Isolation {
  if (selecting.length === 0) return NOT_ISOLATED;
  let node = applicable.interned;
  for (let i = 0; i < selecting.length; i++) {
    const next = (node.next ??= new Map());
    let child = next.get(selecting[i]);
    if (!child) next.set(selecting[i], (child = {}));
    node = child;
  }
  return (node.isolation ??= {
    selecting,
    ingress: selecting.filter((r) => r.isolates.ingress),
    egress: selecting.filter((r) => r.isolates.egress),
  });
}

/**
 * The policy rules that select a workload's pods and the directions they isolate (memoized per scan).
 * Workloads of a namespace selected by the same rules share one read-only Isolation, so a control may
 * memoize what it derives from one.
 */
export function isolationOf(ctx: EvalContext, workload: K8sObject): Isolation {
  const state = isolationState(ctx);
  const namespace = namespaceOf(workload);
  const applicable = rulesApplicableIn(ctx, state, namespace);
  // Namespaces without any policy need neither the workload's labels nor a memo entry.
  if (applicable.rules.length === 0) return NOT_ISOLATED;
  let isolation = state.isolation.get(workload);
  if (!isolation) {
    const labels = podLabelsOf(workload);
    const candidates = candidateRules(applicable, labels);
    if (candidates.length === 0) isolation = NOT_ISOLATED;
    else if (candidates === applicable.unindexedRules && applicable.unindexedSelectAll) {
      // Default-deny `podSelector: {}` rules select every pod of the namespace: those pods share one isolation.
      isolation = applicable.unindexedIsolation ??= internedIsolation(applicable, applicable.unindexedRules);
    } else {
      // Only Cilium selectors see the service account and namespace labels.
      let pod: PodIdentity | undefined;
      const selecting: PolicyRule[] = [];
      for (const rule of candidates) {
        const selects = rule.kind === "NetworkPolicy"
          ? networkPolicySelects(rule, namespace, labels)
          : ruleSelectsPod(rule, (pod ??= podIdentityOf(ctx, workload)));
        if (selects) selecting.push(rule);
      }
      isolation = internedIsolation(applicable, selecting);
    }
    state.isolation.set(workload, isolation);
  }
  return isolation;
}

/**
 * A policy that applies to the namespace as a whole: any NetworkPolicy or CiliumNetworkPolicy defined
 * in it, or a clusterwide Cilium policy selecting all of its pods.
 */
export function namespacePolicies(ctx: EvalContext, namespace: string): PolicyRule[] {
  const nsLabels = namespaceLabels(ctx, namespace);
  const rules: PolicyRule[] = [];
  for (const rule of policyRules(ctx)) {
    if (rule.namespace !== undefined ? rule.namespace === namespace : ruleSelectsWholeNamespace(rule, namespace, nsLabels)) rules.push(rule);
  }
  return rules;
}

/** A port of a rule (`ports[]` for NetworkPolicy, `toPorts[].ports[]` for Cilium). */
interface PortSpec {
  port?: unknown;
  endPort?: unknown;
  protocol?: unknown;
}

function portAdmits(spec: PortSpec, port: number, protocol: string): boolean {
  const proto = typeof spec.protocol === "string" ? spec.protocol.toUpperCase() : "TCP";
  if (proto !== protocol && proto !== "ANY") return false;
  if (spec.port === undefined || spec.port === null || spec.port === "" || spec.port === 0 || spec.port === "0") {
    return true;
  }
  const start = typeof spec.port === "number" ? spec.port : /^\d+$/.test(String(spec.port)) ? Number(spec.port) : NaN;
  // Named ports name a port of the destination pod; they never match an address outside the cluster.
  if (Number.isNaN(start)) return false;
  const endRaw = spec.endPort;
  const end = typeof endRaw === "number" ? endRaw : /^\d+$/.test(String(endRaw ?? "")) ? Number(endRaw) : start;
  return port >= start && port <= Math.max(start, end);
}

function networkPolicyPortsAdmit(ports: unknown, port: number, protocol: string): boolean {
  if (!nonEmptyArray(ports)) return true;
  return ports.some((p) => isObject(p) && portAdmits(p, port, protocol));
}

function ciliumToPortsAdmit(toPorts: unknown, port: number, protocol: string): boolean {
  if (!nonEmptyArray(toPorts)) return true;
  return toPorts.some((tp) => {
    if (!isObject(tp)) return false;
    if (!nonEmptyArray(tp.ports)) return true;
    return tp.ports.some((p) => isObject(p) && portAdmits(p, port, protocol));
  });
}

const CILIUM_PEER_FIELDS: Record<Direction, string[]> = {
  ingress: ["fromEndpoints", "fromCIDR", "fromCIDRSet", "fromEntities", "fromRequires", "fromGroups", "fromNodes"],
  egress: ["toEndpoints", "toCIDR", "toCIDRSet", "toEntities", "toServices", "toFQDNs", "toGroups", "toNodes", "toRequires"],
};

/** True when a Cilium rule peer list reaches an address outside the cluster. */
function ciliumPeersAdmitAddress(rule: Record<string, unknown>, direction: Direction, address: string): boolean {
  const prefix = direction === "ingress" ? "from" : "to";
  const hasPeers = CILIUM_PEER_FIELDS[direction].some((f) => nonEmptyArray(rule[f]));
  // A rule with only ports applies to every peer; an entirely empty rule admits nothing.
  if (!hasPeers) return nonEmptyArray(rule.toPorts);
  const entities = Array.isArray(rule[`${prefix}Entities`]) ? (rule[`${prefix}Entities`] as unknown[]) : [];
  if (entities.some((e) => e === "world" || e === "all" || e === "world-ipv4" || e === "world-ipv6")) return true;
  const cidrs = Array.isArray(rule[`${prefix}CIDR`]) ? (rule[`${prefix}CIDR`] as unknown[]) : [];
  if (cidrs.some((c) => ipBlockAdmits({ cidr: c }, address))) return true;
  const sets = Array.isArray(rule[`${prefix}CIDRSet`]) ? (rule[`${prefix}CIDRSet`] as unknown[]) : [];
  return sets.some((s) => isObject(s) && ipBlockAdmits(s, address));
}

/** True when a NetworkPolicy rule's peers (`from`/`to`) admit an address outside the cluster. */
function networkPolicyPeersAdmitAddress(peers: unknown, address: string): boolean {
  if (!nonEmptyArray(peers)) return true;
  return peers.some((peer) => isObject(peer) && isObject(peer.ipBlock) && ipBlockAdmits(peer.ipBlock, address));
}

/**
 * True when the pods this rule selects may send traffic to `address:port` under this rule alone.
 * Only meaningful for rules that isolate egress.
 */
export function ruleAllowsEgressTo(rule: PolicyRule, address: string, port: number, protocol = "TCP"): boolean {
  const rules: unknown[] = Array.isArray(rule.spec.egress) ? rule.spec.egress : [];
  if (rule.kind === "NetworkPolicy") {
    return rules.some(
      (r) => isObject(r) && networkPolicyPeersAdmitAddress(r.to, address) && networkPolicyPortsAdmit(r.ports, port, protocol),
    );
  }
  return rules.some(
    (r) => isObject(r) && ciliumPeersAdmitAddress(r, "egress", address) && ciliumToPortsAdmit(r.toPorts, port, protocol),
  );
}

/** True when a Cilium rule explicitly denies egress to `address:port` (deny rules win over allows). */
export function ruleDeniesEgressTo(rule: PolicyRule, address: string, port: number, protocol = "TCP"): boolean {
  if (rule.kind === "NetworkPolicy") return false;
  const rules: unknown[] = Array.isArray(rule.spec.egressDeny) ? rule.spec.egressDeny : [];
  return rules.some(
    (r) => isObject(r) && ciliumPeersAdmitAddress(r, "egress", address) && ciliumToPortsAdmit(r.toPorts, port, protocol),
  );
}

export interface OpenRule {
  /** Path of the offending rule, e.g. `spec.ingress[0]`. */
  path: string;
  reason: string;
}

function networkPolicyPeerIsUniversal(peer: unknown): boolean {
  return isObject(peer) && isObject(peer.ipBlock) && isUniversalCidr(peer.ipBlock.cidr) &&
    !nonEmptyArray(peer.ipBlock.except);
}

/**
 * Rules of a policy that admit every source (ingress) or destination (egress) on every port, which
 * cancels the isolation the policy otherwise provides. In-cluster selectors (`namespaceSelector: {}`)
 * are not counted: they still keep traffic from outside the cluster out.
 */
export function allowAllRules(rule: PolicyRule, direction: Direction): OpenRule[] {
  if (!rule.isolates[direction]) return [];
  const list: unknown[] = Array.isArray(rule.spec[direction]) ? rule.spec[direction] : [];
  const open: OpenRule[] = [];
  list.forEach((r, i) => {
    if (!isObject(r)) return;
    const path = `${rule.path}.${direction}[${i}]`;
    if (rule.kind === "NetworkPolicy") {
      const peers = direction === "ingress" ? r.from : r.to;
      if (nonEmptyArray(r.ports)) return;
      if (!nonEmptyArray(peers)) open.push({ path, reason: `a rule with no ${direction === "ingress" ? "from" : "to"} and no ports` });
      else if (peers.some(networkPolicyPeerIsUniversal)) open.push({ path, reason: "a rule admitting 0.0.0.0/0 (or ::/0) on every port" });
      return;
    }
    if (nonEmptyArray(r.toPorts)) return;
    const prefix = direction === "ingress" ? "from" : "to";
    const entities = Array.isArray(r[`${prefix}Entities`]) ? (r[`${prefix}Entities`] as unknown[]) : [];
    const universalEntity = entities.find((e) => e === "all" || e === "world");
    if (universalEntity) {
      open.push({ path, reason: `${prefix}Entities "${universalEntity}" on every port` });
      return;
    }
    const cidrs = [
      ...(Array.isArray(r[`${prefix}CIDR`]) ? (r[`${prefix}CIDR`] as unknown[]) : []),
      ...(Array.isArray(r[`${prefix}CIDRSet`])
        ? (r[`${prefix}CIDRSet`] as unknown[]).filter((s) => isObject(s) && !nonEmptyArray(s.except)).map((s) => (s as { cidr?: unknown }).cidr)
        : []),
    ];
    if (cidrs.some(isUniversalCidr)) open.push({ path, reason: `${prefix}CIDR 0.0.0.0/0 (or ::/0) on every port` });
  });
  return open;
}

/** True when the workload's pods use the node's network namespace (NetworkPolicies do not apply to them). */
export function usesHostNetwork(workload: K8sObject): boolean {
  return podSpecOf(workload)?.spec?.hostNetwork === true;
}

function ascending(a: number, b: number): number {
  return a - b;
}
