import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { GATEWAY_ROUTE_KINDS, routeServiceBackends } from "./exposure";

export default defineControl({
  id: "SS-0302",
  name: "Gateway API route points to a missing Service",
  description:
    "Fails an HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute whose Service backendRefs (kind Service, core group, the defaults) name a Service that does not exist in the referenced namespace.",
  rationale:
    "A route to a missing Service breaks traffic and lets anyone who can create a Service of that name in the namespace take over the route's hostnames and paths.",
  severity: "medium",
  category: "network",
  kinds: [...GATEWAY_ROUTE_KINDS],
  evaluate(route, ctx) {
    const violations: Violation[] = [];
    for (const backend of routeServiceBackends(route)) {
      const exists =
        ctx.index.get("Service", backend.namespace, backend.name) ??
        (backend.namespace === "default" ? ctx.index.get("Service", undefined, backend.name) : undefined);
      if (!exists) {
        violations.push({
          message: `backendRef Service "${backend.name}" does not exist in namespace "${backend.namespace}"`,
          paths: [backend.path],
        });
      }
    }
    return violations;
  },
  remediation:
    "Fix the backendRef name (and namespace, with a ReferenceGrant when crossing namespaces), create the Service, or remove the stale rule.",
  refs: {
    kubescape: ["C-0302"],
  },
});
