import { defineControl } from "../../engine/define-control";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { ingressNginxControllersOf } from "./ingress-nginx";

export default defineControl({
  id: "SS-0292",
  name: "ingress-nginx controller is end of life",
  description:
    "Fails when a workload runs the community ingress-nginx controller (kubernetes/ingress-nginx), which the Kubernetes project retired in March 2026. NGINX Inc.'s separate NGINX Ingress Controller is not affected.",
  rationale:
    "After retirement no security fixes are published; the controller sits on the edge of the cluster, holds read access to Secrets cluster-wide, and has a history of critical CVEs (IngressNightmare), so unpatched it becomes the easiest way in.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(obj) {
    const controllers = ingressNginxControllersOf(obj);
    // Any other workload passes: it runs no end-of-life controller.
    if (!controllers.length) return [];
    return controllers.map((c) => ({
      message: `container "${c.container.name ?? "(unnamed)"}" runs the retired ingress-nginx controller${c.image ? ` (${c.image.raw})` : ""}`,
      paths: [`${c.path}.image`],
    }));
  },
  remediation:
    "Plan a migration to a maintained controller: a Gateway API implementation (Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric…) or another supported Ingress controller, and remove ingress-nginx once traffic has moved.",
  refs: { kubescape: ["C-0292"], nsa: ["cve-mitigation"] },
});
