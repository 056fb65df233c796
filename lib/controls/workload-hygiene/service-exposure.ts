// How a workload is reachable from outside the cluster: Services of type LoadBalancer (not internal),
// NodePort or with externalIPs, and Ingresses / Gateway routes in front of a selecting Service.
import { ingressBackendServices, refOf, routeBackendServices } from "../../engine/object-index";
import type { EvalContext, K8sObject, ObjectRef } from "../../engine/types";
import { namespaceOf, objectsInNamespace, servicesSelecting } from "./scan-lookups";

const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

// Annotations with which cloud providers keep a LoadBalancer on the private network.
const INTERNAL_LB_ANNOTATIONS: Record<string, (v: string) => boolean> = {
  "service.beta.kubernetes.io/aws-load-balancer-internal": (v) => v !== "false",
  "service.beta.kubernetes.io/aws-load-balancer-scheme": (v) => v === "internal",
  "service.beta.kubernetes.io/azure-load-balancer-internal": (v) => v === "true",
  "networking.gke.io/load-balancer-type": (v) => v.toLowerCase() === "internal",
  "cloud.google.com/load-balancer-type": (v) => v.toLowerCase() === "internal",
  "service.beta.kubernetes.io/oci-load-balancer-internal": (v) => v === "true",
  "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": (v) => v === "private",
  "service.beta.kubernetes.io/openstack-internal-load-balancer": (v) => v === "true",
  "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": (v) => v === "intranet",
};

export function isInternalLoadBalancer(service: K8sObject): boolean {
  const annotations = service.metadata?.annotations ?? {};
  return Object.entries(INTERNAL_LB_ANNOTATIONS).some(([key, test]) => typeof annotations[key] === "string" && test(annotations[key]));
}

export interface Exposure {
  how: string;
  service: K8sObject;
  via?: K8sObject;
}

/** Why a Service is reachable from outside the cluster by itself, or undefined. */
export function externalServiceExposure(service: K8sObject): string | undefined {
  const type = service.spec?.type ?? "ClusterIP";
  if (type === "LoadBalancer" && !isInternalLoadBalancer(service)) return "LoadBalancer Service";
  if (type === "NodePort") return "NodePort Service";
  if (Array.isArray(service.spec?.externalIPs) && service.spec.externalIPs.length > 0) return "Service with externalIPs";
  return undefined;
}

// Backends of each Ingress and route, read once per object (every Service of every matching workload is checked against them).
const ingressBackends = new WeakMap<K8sObject, string[]>();
const routeBackends = new WeakMap<K8sObject, { name: string; namespace: string }[]>();

function routeBackendsInOwnNamespace(route: K8sObject): { name: string; namespace: string }[] {
  return routeBackendServices(route, namespaceOf(route));
}

function backendsOf<T>(memo: WeakMap<K8sObject, T>, obj: K8sObject, read: (obj: K8sObject) => T): T {
  let backends = memo.get(obj);
  if (backends === undefined) memo.set(obj, (backends = read(obj)));
  return backends;
}

/** Every way the workload's pods are reachable from outside the cluster. */
export function externalExposuresOf(workload: K8sObject, ctx: EvalContext): Exposure[] {
  const exposures: Exposure[] = [];
  const ns = namespaceOf(workload);
  for (const service of servicesSelecting(workload, ctx)) {
    const how = externalServiceExposure(service);
    if (how) exposures.push({ how, service });
    const name = service.metadata?.name ?? "";
    for (const ingress of objectsInNamespace(ctx, "Ingress", ns)) {
      if (backendsOf(ingressBackends, ingress, ingressBackendServices).includes(name)) exposures.push({ how: "Ingress", service, via: ingress });
    }
    for (const kind of ROUTE_KINDS) {
      for (const route of ctx.index.byKind(kind)) {
        if (backendsOf(routeBackends, route, routeBackendsInOwnNamespace).some((b) => b.namespace === ns && b.name === name)) {
          exposures.push({ how: kind, service, via: route });
        }
      }
    }
  }
  return exposures;
}

export function relatedRefs(exposure: Exposure): ObjectRef[] {
  return exposure.via ? [refOf(exposure.service), refOf(exposure.via)] : [refOf(exposure.service)];
}
