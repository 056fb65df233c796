// Which workloads can be reached from outside the cluster, and through what: a Service of type
// LoadBalancer or NodePort, Service externalIPs, an Ingress, a Gateway API route attached to a
// Gateway, or an Istio VirtualService bound to an Istio Gateway whose proxies are themselves exposed.
import { matchesMapSelector } from "../../engine/label-selector";
import { refOf } from "../../engine/object-index";
import type { EvalContext, K8sObject, ObjectRef } from "../../engine/types";
import { containersOf, podLabelsOf } from "../../engine/workload";
import { namespaceOf } from "./network-policy-coverage";
import { anyPodBearerMatchingMap, podBearersMatchingMap } from "./pod-bearers";

export type ExposureVia = "LoadBalancer" | "NodePort" | "externalIPs" | "Ingress" | "GatewayRoute" | "IstioVirtualService";

export interface ExposurePath {
  via: ExposureVia;
  /** The Service that selects the workload's pods. */
  service: K8sObject;
  /** The object that opens the path: the Service itself, an Ingress, a route or a VirtualService. */
  entry: K8sObject;
  /** Paths in `entry` that create the exposure. */
  entryPaths: string[];
  /** Objects in between (Gateway, gateway Service), for context. */
  related: ObjectRef[];
  /** True when the entry point is marked internal to a private network (internal load balancer). */
  internal: boolean;
  description: string;
}

// Annotations by which cloud providers provision a private (VPC-internal) load balancer.
const INTERNAL_LB_ANNOTATIONS: Record<string, (v: string) => boolean> = {
  "service.beta.kubernetes.io/aws-load-balancer-internal": (v) => v !== "false" && v !== "",
  "service.beta.kubernetes.io/aws-load-balancer-scheme": (v) => v === "internal",
  "service.beta.kubernetes.io/azure-load-balancer-internal": (v) => v === "true",
  "networking.gke.io/load-balancer-type": (v) => v.toLowerCase() === "internal",
  "cloud.google.com/load-balancer-type": (v) => v.toLowerCase() === "internal",
  "service.beta.kubernetes.io/oci-load-balancer-internal": (v) => v === "true",
  "service.beta.kubernetes.io/openstack-internal-load-balancer": (v) => v === "true",
  "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": (v) => v === "private",
  "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": (v) => v === "intranet",
};

const INTERNAL_LB_ENTRIES = Object.entries(INTERNAL_LB_ANNOTATIONS);

/** True when a LoadBalancer Service asks its cloud for a private load balancer. */
export function isInternalLoadBalancer(service: K8sObject): boolean {
  const annotations = service.metadata?.annotations ?? {};
  for (const [key, isInternal] of INTERNAL_LB_ENTRIES) {
    const value = annotations[key];
    if (typeof value === "string" && isInternal(value.trim())) return true;
  }
  return false;
}

/** True when an Ingress is explicitly provisioned on a private load balancer. */
export function isInternalIngress(ingress: K8sObject): boolean {
  const annotations = ingress.metadata?.annotations ?? {};
  return (
    annotations["alb.ingress.kubernetes.io/scheme"] === "internal" ||
    annotations["kubernetes.io/ingress.class"] === "gce-internal"
  );
}

export function serviceType(service: K8sObject): string {
  return typeof service.spec?.type === "string" ? service.spec.type : "ClusterIP";
}

export function externalIPsOf(service: K8sObject): string[] {
  const ips = service.spec?.externalIPs;
  return Array.isArray(ips) ? ips.filter((ip): ip is string => typeof ip === "string" && ip.length > 0) : [];
}

/** Top-level workloads whose pods a Service selects (map selector; none when the selector is empty). */
export function workloadsBehindService(ctx: EvalContext, service: K8sObject): K8sObject[] {
  const tops = new Set<K8sObject>();
  for (const bearer of podBearersMatchingMap(ctx, namespaceOf(service), service.spec?.selector)) {
    tops.add(ctx.index.topOwner(bearer.object));
  }
  return [...tops];
}

/** True when the Service selects the pods of at least one pod-bearing object of its namespace (owned ones included). */
export function serviceSelectsAnyPods(ctx: EvalContext, service: K8sObject): boolean {
  return anyPodBearerMatchingMap(ctx, namespaceOf(service), service.spec?.selector);
}

/**
 * True when at least one Service port can reach the workload: numeric (or defaulted) target ports
 * always can; a named target port only when a container declares a port of that name.
 */
function serviceReachesWorkload(service: K8sObject, workload: K8sObject): boolean {
  const ports: unknown[] = Array.isArray(service.spec?.ports) ? service.spec.ports : [];
  if (ports.length === 0) return true;
  const named = new Set<string>();
  for (const { container } of containersOf(workload, ["containers"])) {
    for (const p of Array.isArray(container.ports) ? container.ports : []) if (typeof p?.name === "string") named.add(p.name);
  }
  return ports.some((p) => {
    const target = (p as { targetPort?: unknown })?.targetPort;
    if (typeof target !== "string" || /^\d+$/.test(target)) return true;
    return named.has(target);
  });
}

/** Service backends named by an Ingress (rules and default backend), with their paths. */
export function ingressServiceBackends(ingress: K8sObject): { name: string; path: string }[] {
  const result: { name: string; path: string }[] = [];
  const spec = ingress.spec ?? {};
  if (spec.defaultBackend) addIngressBackend(result, spec.defaultBackend, "spec.defaultBackend");
  else if (spec.backend) addIngressBackend(result, spec.backend, "spec.backend");
  const rules: { http?: { paths?: unknown[] } }[] = Array.isArray(spec.rules) ? spec.rules : [];
  for (let i = 0; i < rules.length; i++) {
    const paths = rules[i]?.http?.paths;
    if (!Array.isArray(paths)) continue;
    for (let j = 0; j < paths.length; j++) addIngressBackend(result, (paths[j] as { backend?: unknown })?.backend, `spec.rules[${i}].http.paths[${j}].backend`);
  }
  return result;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function addIngressBackend(result: { name: string; path: string }[], backend: any, path: string): void {
  if (typeof backend?.service?.name === "string") result.push({ name: backend.service.name, path: `${path}.service.name` });
  else if (typeof backend?.serviceName === "string") result.push({ name: backend.serviceName, path: `${path}.serviceName` });
}

export const GATEWAY_ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

/** Service backendRefs of a Gateway API route (kind defaults to Service, namespace to the route's). */
export function routeServiceBackends(route: K8sObject): { name: string; namespace: string; path: string }[] {
  const result: { name: string; namespace: string; path: string }[] = [];
  const rules: unknown[] = Array.isArray(route.spec?.rules) ? route.spec.rules : [];
  rules.forEach((rule, i) => {
    const refs: unknown[] = Array.isArray((rule as { backendRefs?: unknown[] })?.backendRefs)
      ? (rule as { backendRefs: unknown[] }).backendRefs
      : [];
    refs.forEach((ref, j) => {
      const r = ref as { kind?: string; group?: string; name?: unknown; namespace?: string };
      if ((r?.kind ?? "Service") !== "Service" || (r?.group ?? "") !== "" || typeof r?.name !== "string") return;
      result.push({ name: r.name, namespace: r.namespace ?? namespaceOf(route), path: `spec.rules[${i}].backendRefs[${j}].name` });
    });
  });
  return result;
}

/** parentRefs of a route that point at a Gateway (not at a Service, as mesh-only GAMMA routes do). */
function gatewayParents(route: K8sObject): { name: string; namespace: string; index: number }[] {
  const parents: unknown[] = Array.isArray(route.spec?.parentRefs) ? route.spec.parentRefs : [];
  const result: { name: string; namespace: string; index: number }[] = [];
  parents.forEach((p, index) => {
    const ref = p as { kind?: string; group?: string; name?: unknown; namespace?: string };
    if ((ref?.kind ?? "Gateway") !== "Gateway") return;
    if ((ref?.group ?? "gateway.networking.k8s.io") !== "gateway.networking.k8s.io") return;
    if (typeof ref?.name === "string") result.push({ name: ref.name, namespace: ref.namespace ?? namespaceOf(route), index });
  });
  return result;
}

/** Resolves an Istio destination host to a Service in the cluster, or undefined for external hosts. */
export function istioHostToService(host: unknown, virtualServiceNamespace: string): { name: string; namespace: string } | undefined {
  if (typeof host !== "string" || host.length === 0 || host.includes("*")) return undefined;
  const parts = host.split(".");
  if (parts.length === 1) return { name: parts[0], namespace: virtualServiceNamespace };
  if (parts.length === 2) return { name: parts[0], namespace: parts[1] };
  // `name.namespace.svc[.cluster-domain]`; any other dotted name is a host outside the cluster.
  return parts[2] === "svc" ? { name: parts[0], namespace: parts[1] } : undefined;
}

/** Destination hosts of a VirtualService's http, tcp and tls routes, with their paths. */
function virtualServiceDestinations(vs: K8sObject): { host: unknown; path: string }[] {
  const result: { host: unknown; path: string }[] = [];
  for (const section of ["http", "tcp", "tls"]) {
    const routes: unknown[] = Array.isArray(vs.spec?.[section]) ? vs.spec[section] : [];
    routes.forEach((r, i) => {
      const dests: unknown[] = Array.isArray((r as { route?: unknown[] })?.route) ? (r as { route: unknown[] }).route : [];
      dests.forEach((d, j) =>
        result.push({ host: (d as { destination?: { host?: unknown } })?.destination?.host, path: `spec.${section}[${i}].route[${j}].destination.host` }),
      );
    });
  }
  return result;
}

function isExternallyReachableService(service: K8sObject): boolean {
  const type = serviceType(service);
  return type === "LoadBalancer" || type === "NodePort" || externalIPsOf(service).length > 0;
}

/**
 * The Service through which an Istio Gateway's proxies are reachable from outside, if any. The Gateway's
 * `selector` picks proxy pods in any namespace; when those pods are in the scan the Services selecting
 * them are used, otherwise Services whose selector agrees with the Gateway selector.
 */
function exposedIstioGatewayService(ctx: EvalContext, gateway: K8sObject): K8sObject | undefined {
  const selector = gateway.spec?.selector;
  if (!selector || typeof selector !== "object" || Object.keys(selector).length === 0) return undefined;
  const services = ctx.cache("network/externally-reachable-services", () => ctx.index.byKind("Service").filter(isExternallyReachableService));
  // Proxy pods may live in any namespace: looked up in every namespace's index (shared with the
  // Service lookups), not in a second index of the whole scan.
  const proxies: K8sObject[] = [];
  for (const namespace of podBearerNamespaces(ctx)) {
    for (const bearer of podBearersMatchingMap(ctx, namespace, selector)) proxies.push(bearer.object);
  }
  if (proxies.length > 0) {
    return services.find((svc) =>
      proxies.some((p) => namespaceOf(p) === namespaceOf(svc) && matchesMapSelector(svc.spec?.selector, podLabelsOf(p))),
    );
  }
  return services.find((svc) => {
    const svcSelector: Record<string, string> = svc.spec?.selector ?? {};
    const shared = Object.keys(selector).filter((k) => k in svcSelector);
    return shared.length > 0 && shared.every((k) => svcSelector[k] === selector[k]);
  });
}

/** Every namespace pod-bearing objects can be in ("default" holds those without a namespace). */
function podBearerNamespaces(ctx: EvalContext): readonly string[] {
  return ctx.cache("network/pod-bearer-namespaces", () => {
    const names = ctx.index.namespaceNames();
    return names.includes("default") ? names : [...names, "default"];
  });
}

function istioGatewayRef(entry: string, vsNamespace: string): { name: string; namespace: string } {
  const slash = entry.indexOf("/");
  return slash >= 0 ? { namespace: entry.slice(0, slash), name: entry.slice(slash + 1) } : { namespace: vsNamespace, name: entry };
}

function isIstioGateway(obj: K8sObject): boolean {
  return obj.kind === "Gateway" && typeof obj.apiVersion === "string" && obj.apiVersion.startsWith("networking.istio.io/");
}

function findService(ctx: EvalContext, namespace: string, name: string): K8sObject | undefined {
  return ctx.index.get("Service", namespace, name) ?? (namespace === "default" ? ctx.index.get("Service", undefined, name) : undefined);
}

function computeExposure(ctx: EvalContext): Map<K8sObject, ExposurePath[]> {
  const result = new Map<K8sObject, ExposurePath[]>();
  const add = (service: K8sObject, path: Omit<ExposurePath, "service">) => {
    for (const workload of workloadsBehindService(ctx, service)) {
      if (path.via !== "Ingress" && path.via !== "GatewayRoute" && path.via !== "IstioVirtualService" && !serviceReachesWorkload(service, workload)) {
        continue;
      }
      let list = result.get(workload);
      if (!list) result.set(workload, (list = []));
      list.push({ ...path, service });
    }
  };

  for (const service of ctx.index.byKind("Service")) {
    const type = serviceType(service);
    const name = service.metadata?.name ?? "";
    if (type === "LoadBalancer" || type === "NodePort") {
      const internal = type === "LoadBalancer" && isInternalLoadBalancer(service);
      add(service, {
        via: type,
        entry: service,
        entryPaths: ["spec.type"],
        related: [],
        internal,
        description: `Service "${name}" of type ${type}${internal ? " (internal load balancer)" : ""}`,
      });
    }
    if (externalIPsOf(service).length > 0) {
      add(service, {
        via: "externalIPs",
        entry: service,
        entryPaths: ["spec.externalIPs"],
        related: [],
        internal: false,
        description: `Service "${name}" with externalIPs ${externalIPsOf(service).join(", ")}`,
      });
    }
  }

  for (const ingress of ctx.index.byKind("Ingress")) {
    const ns = namespaceOf(ingress);
    const byService = new Map<string, string[]>();
    for (const backend of ingressServiceBackends(ingress)) {
      byService.set(backend.name, [...(byService.get(backend.name) ?? []), backend.path]);
    }
    for (const [serviceName, paths] of byService) {
      const service = findService(ctx, ns, serviceName);
      if (!service) continue;
      add(service, {
        via: "Ingress",
        entry: ingress,
        entryPaths: paths,
        related: [refOf(service)],
        internal: isInternalIngress(ingress),
        description: `Ingress "${ingress.metadata?.name}" → Service "${serviceName}"`,
      });
    }
  }

  for (const kind of GATEWAY_ROUTE_KINDS) {
    for (const route of ctx.index.byKind(kind)) {
      const parents = gatewayParents(route);
      if (parents.length === 0) continue;
      const related: ObjectRef[] = [];
      for (const parent of parents) {
        const gw = ctx.index.byKind("Gateway").find(
          (g) => !isIstioGateway(g) && g.metadata?.name === parent.name && namespaceOf(g) === parent.namespace,
        );
        if (gw) related.push(refOf(gw));
      }
      const byService = new Map<string, { namespace: string; name: string; paths: string[] }>();
      for (const b of routeServiceBackends(route)) {
        const key = `${b.namespace}/${b.name}`;
        const entry = byService.get(key) ?? { namespace: b.namespace, name: b.name, paths: [] };
        entry.paths.push(b.path);
        byService.set(key, entry);
      }
      for (const b of byService.values()) {
        const service = findService(ctx, b.namespace, b.name);
        if (!service) continue;
        add(service, {
          via: "GatewayRoute",
          entry: route,
          entryPaths: b.paths,
          related: [...related, refOf(service)],
          internal: false,
          description: `${kind} "${route.metadata?.name}" (Gateway ${parents.map((p) => `${p.namespace}/${p.name}`).join(", ")}) → Service "${b.name}"`,
        });
      }
    }
  }

  const istioGateways = ctx.index.byKind("Gateway").filter(isIstioGateway);
  for (const vs of ctx.index.byKind("VirtualService")) {
    const vsNs = namespaceOf(vs);
    const gatewayNames: unknown[] = Array.isArray(vs.spec?.gateways) ? vs.spec.gateways : [];
    const exposedVia: { gateway: K8sObject; service: K8sObject }[] = [];
    for (const entry of gatewayNames) {
      if (typeof entry !== "string" || entry === "mesh") continue;
      const ref = istioGatewayRef(entry, vsNs);
      const gateway = istioGateways.find((g) => g.metadata?.name === ref.name && namespaceOf(g) === ref.namespace);
      if (!gateway) continue;
      const gatewayService = exposedIstioGatewayService(ctx, gateway);
      if (gatewayService) exposedVia.push({ gateway, service: gatewayService });
    }
    if (exposedVia.length === 0) continue;
    const byService = new Map<string, { namespace: string; name: string; paths: string[] }>();
    for (const d of virtualServiceDestinations(vs)) {
      const target = istioHostToService(d.host, vsNs);
      if (!target) continue;
      const key = `${target.namespace}/${target.name}`;
      const e = byService.get(key) ?? { ...target, paths: [] };
      e.paths.push(d.path);
      byService.set(key, e);
    }
    for (const target of byService.values()) {
      const service = findService(ctx, target.namespace, target.name);
      if (!service) continue;
      add(service, {
        via: "IstioVirtualService",
        entry: vs,
        entryPaths: target.paths,
        related: [...exposedVia.flatMap((e) => [refOf(e.gateway), refOf(e.service)]), refOf(service)],
        internal: exposedVia.every((e) => serviceType(e.service) === "LoadBalancer" && isInternalLoadBalancer(e.service)),
        description: `VirtualService "${vs.metadata?.name}" (Istio Gateway ${exposedVia.map((e) => e.gateway.metadata?.name).join(", ")}) → Service "${target.name}"`,
      });
    }
  }
  return result;
}

/** Exposure paths of every exposed top-level workload, computed once per scan. */
export function exposureByWorkload(ctx: EvalContext): Map<K8sObject, ExposurePath[]> {
  return ctx.cache("network/exposure", () => computeExposure(ctx));
}

const NOT_EXPOSED: ExposurePath[] = Object.freeze([]) as unknown as ExposurePath[];

/** How the workload can be reached from outside the cluster (a shared, read-only [] when it cannot). */
export function exposureOf(ctx: EvalContext, workload: K8sObject): ExposurePath[] {
  return exposureByWorkload(ctx).get(workload) ?? NOT_EXPOSED;
}
