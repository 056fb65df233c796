import { defineControl } from "../../engine/define-control";
import { externalIPsOf } from "./exposure";

export default defineControl({
  id: "SS-1202",
  name: "Service with externalIPs",
  description: "Fails a Service that sets `spec.externalIPs`.",
  rationale:
    "kube-proxy routes traffic for any externalIP to the Service without checking who owns the address (CVE-2020-8554): whoever can create Services can capture traffic meant for other in-cluster or external addresses. Legitimate uses are rare and should be explicit.",
  severity: "medium",
  category: "network",
  kinds: ["Service"],
  evaluate(service) {
    const ips = externalIPsOf(service);
    if (ips.length === 0) return [];
    return [
      {
        message: `Service "${service.metadata?.name}" claims externalIPs ${ips.join(", ")}`,
        paths: ["spec.externalIPs"],
      },
    ];
  },
  remediation:
    "Remove `spec.externalIPs` and expose the service with a LoadBalancer or Ingress. Enable the DenyServiceExternalIPs admission plugin (or an equivalent policy) so new Services cannot claim arbitrary addresses.",
  refs: {
    mitre: ["T1557"],
  },
});
