// Attack paths: an entry point (a workload reachable from outside the cluster, or one that already
// holds host-level privileges) → the service account whose token its pods mount → a permission of
// that account → what an attacker gains. Pure: computed from the RBAC model and the object index.
import type { ObjectIndex } from "../engine/object-index";
import { ingressBackendServices, refOf, routeBackendServices } from "../engine/object-index";
import type { K8sObject, ObjectRef, Severity, SubjectRef } from "../engine/types";
import { podSpecOf, type PodSpecAt } from "../engine/workload";
import { CAPABILITY } from "./capabilities";
import { describeGrant, findGrants, scopeLabel, type GrantHit } from "./grant-findings";
import { relatedObjectsOf, type RbacModel } from "./model";
import type { PermissionPattern } from "./permission-patterns";
import { subjectKey, subjectLabel } from "./subjects";
import { serviceAccountObjectOf, serviceAccountOfWorkload, serviceAccountTokenMounted } from "./workload-identity";

export type AttackImpact = "cluster-admin" | "read-all-secrets" | "control-kube-system" | "reach-nodes";

export interface AttackEntry {
  /** exposed = reachable from outside the cluster; privileged = already has host-level access. */
  kinds: ("exposed" | "privileged")[];
  /** Human-readable reasons ("Service web is a LoadBalancer", "container app is privileged"). */
  reasons: string[];
  /** The Services, Ingresses and routes that expose the workload. */
  via: ObjectRef[];
}

export interface AttackPathStep {
  kind: "entry" | "workload" | "service-account" | "permission" | "impact";
  label: string;
  object?: ObjectRef;
  subject?: SubjectRef;
}

export interface AttackPath {
  /** Stable id: workload key + impact. */
  id: string;
  workload: ObjectRef;
  serviceAccount: SubjectRef;
  entry: AttackEntry;
  impact: AttackImpact;
  severity: Severity;
  steps: AttackPathStep[];
  /** The grant that makes the impact possible (binding → role → rule). */
  grant: GrantHit;
  /** Exposing objects, then binding, role and source role. */
  related: ObjectRef[];
}

interface ImpactDefinition {
  impact: AttackImpact;
  label: string;
  severity: Severity;
  patterns: PermissionPattern[];
}

/** Ordered from worst to least: a workload gets one path per impact it reaches. */
export const ATTACK_IMPACTS: readonly ImpactDefinition[] = [
  {
    impact: "cluster-admin",
    label: "become cluster-admin",
    severity: "critical",
    patterns: [
      ...CAPABILITY.everything.map((p) => ({ ...p, clusterWide: true })),
      ...CAPABILITY.escalate.map((p) => ({ ...p, clusterWide: true })),
      ...CAPABILITY.bind.map((p) => ({ ...p, clusterWide: true })),
      { verbs: ["impersonate"], apiGroup: "", resource: "groups", name: "system:masters" },
      ...CAPABILITY.writeAwsAuth,
    ],
  },
  {
    impact: "read-all-secrets",
    label: "read every Secret of the cluster",
    severity: "critical",
    patterns: CAPABILITY.readSecretsClusterWide,
  },
  {
    impact: "control-kube-system",
    label: "run code as kube-system's service accounts",
    severity: "critical",
    patterns: [...CAPABILITY.createWorkloadsInKubeSystem, ...CAPABILITY.createTokens.map((p) => ({ ...p, namespace: "kube-system" }))],
  },
  {
    impact: "reach-nodes",
    label: "reach the nodes (kubelet API or new pods with host access)",
    severity: "high",
    patterns: [...CAPABILITY.nodeProxy, ...CAPABILITY.createPods],
  },
];

function name(obj: { metadata?: { name?: string } }): string {
  return obj.metadata?.name ?? "";
}

export interface Exposure {
  reasons: string[];
  via: ObjectRef[];
}

/**
 * Every workload reachable from outside the cluster, computed once per scan by walking Services,
 * Ingresses and Gateway API routes (not workload by workload, which is quadratic on large scans).
 */
export function buildExposureIndex(index: ObjectIndex): Map<K8sObject, Exposure> {
  const exposure = new Map<K8sObject, Exposure>();
  const add = (workloads: K8sObject[], reason: string, via: K8sObject) => {
    for (const w of workloads) {
      let e = exposure.get(w);
      if (!e) exposure.set(w, (e = { reasons: [], via: [] }));
      e.reasons.push(reason);
      e.via.push(refOf(via));
    }
  };
  const servicesByKey = new Map<string, K8sObject>();
  for (const service of index.byKind("Service")) {
    servicesByKey.set(`${service.metadata?.namespace || "default"}/${name(service)}`, service);
  }
  // The index's selector join (shared with other controls). Objects without a namespace are in
  // "default" here, as is one whose namespace is the empty string, which the index keeps apart.
  const selected = (service: K8sObject): K8sObject[] => {
    const selector = service.spec?.selector;
    if (!selector || typeof selector !== "object") return [];
    const ns = service.metadata?.namespace || "default";
    const workloads = index.workloadsSelectedBy(ns, selector);
    return ns === "default" ? [...workloads, ...index.workloadsSelectedBy("", selector)] : workloads;
  };
  for (const service of servicesByKey.values()) {
    const type = service.spec?.type;
    if (type === "LoadBalancer" || type === "NodePort") add(selected(service), `Service ${name(service)} is of type ${type}`, service);
    else if (Array.isArray(service.spec?.externalIPs) && service.spec.externalIPs.length) add(selected(service), `Service ${name(service)} has external IPs`, service);
  }
  for (const ingress of index.byKind("Ingress")) {
    const ns = ingress.metadata?.namespace || "default";
    for (const backend of ingressBackendServices(ingress)) {
      const service = servicesByKey.get(`${ns}/${backend}`);
      if (service) add(selected(service), `Ingress ${name(ingress)} routes to Service ${backend}`, ingress);
    }
  }
  for (const kind of ROUTE_KINDS) {
    for (const route of index.byKind(kind)) {
      for (const backend of routeBackendServices(route, route.metadata?.namespace || "default")) {
        const service = servicesByKey.get(`${backend.namespace}/${backend.name}`);
        if (service) add(selected(service), `${kind} ${name(route)} routes to Service ${backend.name}`, route);
      }
    }
  }
  return exposure;
}

const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

/** How one workload can be reached from outside the cluster (empty lists when it cannot). */
export function exposureOf(workload: K8sObject, index: ObjectIndex, exposures?: Map<K8sObject, Exposure>): Exposure {
  return (exposures ?? buildExposureIndex(index)).get(workload) ?? { reasons: [], via: [] };
}

/** Host-level privileges that make a compromised container a compromised node. */
export function hostPrivilegesOf(workload: K8sObject): string[] {
  const reasons: string[] = [];
  visitHostPrivileges(podSpecOf(workload)?.spec, reasons);
  return reasons;
}

/** Whether a pod spec has any of `hostPrivilegesOf`'s privileges (without describing them). */
export function podSpecHasHostPrivileges(spec: PodSpecAt["spec"]): boolean {
  return visitHostPrivileges(spec, undefined);
}

/** Appends the reasons to `reasons`; without a list, answers at the first privilege found. */
function visitHostPrivileges(spec: PodSpecAt["spec"], reasons: string[] | undefined): boolean {
  if (!spec) return false;
  let found = false;
  if (spec.hostPID === true) {
    if (!reasons) return true;
    reasons.push("shares the host PID namespace");
    found = true;
  }
  if (spec.hostNetwork === true) {
    if (!reasons) return true;
    reasons.push("uses the host network");
    found = true;
  }
  for (const group of CONTAINER_GROUPS) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    for (const container of list) {
      if (!container || typeof container !== "object") continue;
      const sc = container.securityContext ?? NO_SECURITY_CONTEXT;
      if (sc.privileged === true) {
        if (!reasons) return true;
        reasons.push(`container ${container.name} is privileged`);
        found = true;
      }
      const added: unknown = sc.capabilities?.add;
      if (Array.isArray(added) && added.some(isSysAdmin)) {
        if (!reasons) return true;
        reasons.push(`container ${container.name} adds SYS_ADMIN`);
        found = true;
      }
    }
  }
  return found;
}

const NO_SECURITY_CONTEXT = Object.freeze({}) as { privileged?: unknown; capabilities?: { add?: unknown } };

function isSysAdmin(capability: unknown): boolean {
  return typeof capability === "string" && capability.toUpperCase().replace(/^CAP_/, "") === "SYS_ADMIN";
}

/** The container lists `containersOf` walks by default, in its order. */
const CONTAINER_GROUPS = ["containers", "initContainers", "ephemeralContainers"] as const;

function workloadLabel(workload: K8sObject): string {
  const ns = workload.metadata?.namespace;
  return `${workload.kind} ${ns ? `${ns}/` : ""}${name(workload)}`;
}

// Workloads share service accounts (every pod without one runs as `default`): impacts per account, per model.
const impactMemo = new WeakMap<RbacModel, Map<string, Map<AttackImpact, GrantHit[]>>>();

// The same, by account object: SS-1450 passes one object per account and scan, so no key is built per workload.
const impactsByObject = new WeakMap<RbacModel, WeakMap<SubjectRef, Map<AttackImpact, GrantHit[]>>>();

function impactsOf(model: RbacModel, sa: SubjectRef): Map<AttackImpact, GrantHit[]> {
  let byObject = impactsByObject.get(model);
  if (!byObject) impactsByObject.set(model, (byObject = new WeakMap()));
  let impacts = byObject.get(sa);
  if (impacts) return impacts;
  let perModel = impactMemo.get(model);
  if (!perModel) impactMemo.set(model, (perModel = new Map()));
  const key = subjectKey(sa);
  impacts = perModel.get(key);
  if (!impacts) {
    impacts = new Map();
    for (const definition of ATTACK_IMPACTS) impacts.set(definition.impact, findGrants(model, sa, definition.patterns, { inherited: true }));
    perModel.set(key, impacts);
  }
  byObject.set(sa, impacts);
  return impacts;
}

/** Paths starting at one workload; [] when it is no entry point or its token cannot do harm. */
export function attackPathsForWorkload(
  model: RbacModel,
  index: ObjectIndex,
  workload: K8sObject,
  exposures?: Map<K8sObject, Exposure>,
): AttackPath[] {
  if (!podSpecOf(workload)) return [];
  const exposure = exposureOf(workload, index, exposures);
  const privileges = hostPrivilegesOf(workload);
  if (!exposure.reasons.length && !privileges.length) return [];
  if (!serviceAccountTokenMounted(workload, serviceAccountObjectOf(index, workload))) return [];
  return attackPathsFromEntry(model, workload, serviceAccountOfWorkload(workload), exposure, privileges);
}

/**
 * Paths from a workload already known to be an entry point (`exposure` or `privileges` not empty)
 * whose pods mount the token of `sa` (its service account); [] when the token cannot do harm.
 */
export function attackPathsFromEntry(
  model: RbacModel,
  workload: K8sObject,
  sa: SubjectRef,
  exposure: Exposure,
  privileges: string[],
): AttackPath[] {
  const reach = impactsOf(model, sa);
  let reachesAny = false;
  for (const hits of reach.values()) if ((reachesAny = hits.length > 0)) break;
  if (!reachesAny) return [];
  const entry: AttackEntry = {
    kinds: [...(exposure.reasons.length ? ["exposed" as const] : []), ...(privileges.length ? ["privileged" as const] : [])],
    reasons: [...exposure.reasons, ...privileges],
    via: exposure.via,
  };
  const ref = refOf(workload);
  const paths: AttackPath[] = [];
  for (const definition of ATTACK_IMPACTS) {
    const hits = reach.get(definition.impact) ?? [];
    if (!hits.length) continue;
    // Cluster-wide grants first: they are the ones an attacker would use.
    const grant = hits.find((h) => h.grant.scope === null) ?? hits[0];
    const related = relatedObjectsOf(grant.grant);
    paths.push({
      id: `${ref.kind}/${ref.namespace ?? ""}/${ref.name}#${definition.impact}`,
      workload: ref,
      serviceAccount: sa,
      entry,
      impact: definition.impact,
      severity: definition.severity,
      grant,
      related: [...entry.via, ...related],
      steps: [
        { kind: "entry", label: entry.reasons.join("; ") },
        { kind: "workload", label: workloadLabel(workload), object: ref },
        { kind: "service-account", label: `${subjectLabel(sa)} (token mounted)`, subject: sa },
        { kind: "permission", label: `${scopeLabel(grant.grant.scope)} through ${describeGrant(grant.grant)}`, object: grant.grant.binding.ref },
        { kind: "impact", label: definition.label },
      ],
    });
  }
  return paths;
}

/** Every attack path of the scan, worst impact first. */
export function computeAttackPaths(model: RbacModel, index: ObjectIndex): AttackPath[] {
  const order = new Map(ATTACK_IMPACTS.map((d, i) => [d.impact, i]));
  const exposures = buildExposureIndex(index);
  return index
    .workloads()
    .flatMap((w) => attackPathsForWorkload(model, index, w, exposures))
    .sort((a, b) => order.get(a.impact)! - order.get(b.impact)! || a.id.localeCompare(b.id));
}
