import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { exposureOf } from "./exposure";

const NONE: Violation[] = Object.freeze([]) as unknown as Violation[];

export default defineControl({
  id: "SS-0266",
  name: "Workload exposed through Gateway API or Istio ingress",
  description:
    "Fails a workload whose pods back a Service that a Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) attached to a Gateway sends traffic to, or that an Istio VirtualService bound to an externally reachable Istio Gateway routes to.",
  rationale:
    "Gateways and service-mesh ingress gateways publish workloads without any LoadBalancer or Ingress of their own, so this exposure is easy to miss when reviewing Services alone.",
  severity: "high",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    const exposure = exposureOf(ctx, workload);
    // Most workloads are not exposed at all: no list to filter or map.
    if (exposure.length === 0) return NONE;
    const paths = exposure.filter(
      (p) => (p.via === "GatewayRoute" || p.via === "IstioVirtualService") && !p.internal,
    );
    return paths.map((p) => ({
      message: `reachable from outside the cluster through ${p.description}`,
      related: [refOf(p.entry), ...p.related],
    }));
  },
  remediation:
    "Confirm the route is meant to be public. Otherwise detach it from the external Gateway (parentRefs) or remove the VirtualService's external gateway binding. Public routes should use TLS listeners, authentication and restrictive network policies.",
  refs: {
    kubescape: ["C-0266"],
    mitre: ["T1190"],
  },
});
