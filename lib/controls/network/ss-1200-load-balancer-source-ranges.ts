import { defineControl } from "../../engine/define-control";
import { isInternalLoadBalancer, serviceType } from "./exposure";
import { isUniversalCidr } from "./ip-blocks";

const SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges";

export default defineControl({
  id: "SS-1200",
  name: "Public load balancer open to any source address",
  description:
    "Fails a LoadBalancer Service that is not an internal load balancer and does not restrict clients with `spec.loadBalancerSourceRanges` (or the equivalent annotation), or whose ranges include 0.0.0.0/0 or ::/0.",
  rationale:
    "Without source ranges the cloud firewall in front of the load balancer admits the whole internet. Admin consoles, APIs meant for partners and services under test are then exposed to scanning and brute force.",
  severity: "medium",
  category: "network",
  kinds: ["Service"],
  evaluate(service) {
    if (serviceType(service) !== "LoadBalancer") return null;
    if (isInternalLoadBalancer(service)) return [];
    const fromSpec: unknown[] = Array.isArray(service.spec?.loadBalancerSourceRanges) ? service.spec.loadBalancerSourceRanges : [];
    const annotation = service.metadata?.annotations?.[SOURCE_RANGES_ANNOTATION];
    const fromAnnotation = typeof annotation === "string" ? annotation.split(",").map((s) => s.trim()).filter(Boolean) : [];
    const ranges = fromSpec.length ? fromSpec : fromAnnotation;
    const name = service.metadata?.name;
    if (ranges.length === 0) {
      return [
        {
          message: `LoadBalancer Service "${name}" accepts connections from any address (no loadBalancerSourceRanges)`,
          paths: ["spec.type"],
          fixPaths: [{ path: "spec.loadBalancerSourceRanges[0]", value: "<allowed client CIDR>" }],
        },
      ];
    }
    const universal = ranges.findIndex((r) => isUniversalCidr(r));
    if (universal < 0) return [];
    return [
      {
        message: `LoadBalancer Service "${name}" allows source range ${String(ranges[universal])}, i.e. every address`,
        paths: [fromSpec.length ? `spec.loadBalancerSourceRanges[${universal}]` : `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`],
      },
    ];
  },
  remediation:
    "Set `spec.loadBalancerSourceRanges` to the client networks that need access (office, VPN, partner ranges), or make the load balancer internal and publish the service through a TLS ingress with authentication.",
  refs: {
    mitre: ["T1190"],
    nsa: ["network-policies"],
  },
});
