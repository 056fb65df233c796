import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { ingressServiceBackends } from "./exposure";
import { namespaceOf } from "./network-policy-coverage";

export default defineControl({
  id: "SS-0298",
  name: "Ingress routes to a missing Service",
  description:
    "Fails an Ingress whose rules or default backend name a Service that does not exist in the Ingress's namespace. Resource backends are not checked.",
  rationale:
    "A route to a missing Service returns errors today and becomes a hijack point tomorrow: whoever creates a Service with that name in the namespace receives the traffic of that host and path.",
  severity: "medium",
  category: "network",
  kinds: ["Ingress"],
  evaluate(ingress, ctx) {
    const ns = namespaceOf(ingress);
    const violations: Violation[] = [];
    for (const backend of ingressServiceBackends(ingress)) {
      const exists =
        ctx.index.get("Service", ns, backend.name) ?? (ns === "default" ? ctx.index.get("Service", undefined, backend.name) : undefined);
      if (!exists) {
        violations.push({
          message: `backend Service "${backend.name}" does not exist in namespace "${ns}"`,
          paths: [backend.path],
        });
      }
    }
    return violations;
  },
  remediation:
    "Point the backend at an existing Service in the same namespace (an Ingress cannot reference another namespace), create the missing Service, or remove the stale rule.",
  refs: {
    kubescape: ["C-0298"],
  },
});
