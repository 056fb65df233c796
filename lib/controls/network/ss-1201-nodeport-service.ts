import { defineControl } from "../../engine/define-control";
import { serviceType } from "./exposure";

export default defineControl({
  id: "SS-1201",
  name: "Service of type NodePort",
  description: "Fails a Service of type NodePort, which opens its ports on every node of the cluster.",
  rationale:
    "A NodePort is reachable on every node address, including public node IPs, and bypasses load-balancer firewalls and TLS termination. Node ports are also easy to forget when nodes or firewall rules change.",
  severity: "medium",
  category: "network",
  kinds: ["Service"],
  evaluate(service) {
    if (serviceType(service) !== "NodePort") return [];
    const ports: { port?: unknown; nodePort?: unknown }[] = Array.isArray(service.spec?.ports) ? service.spec.ports : [];
    const listed = ports.map((p) => (p?.nodePort ? `${p.port}→node:${p.nodePort}` : String(p?.port))).join(", ");
    return [
      {
        message: `Service "${service.metadata?.name}" is exposed on every node${listed ? ` (ports ${listed})` : ""}`,
        paths: ["spec.type"],
        fixPaths: [{ path: "spec.type", value: "ClusterIP" }],
      },
    ];
  },
  remediation:
    "Use ClusterIP and publish the service through an Ingress, a Gateway or a LoadBalancer with source ranges. If a NodePort is required, make sure node firewalls only admit the intended clients.",
  refs: {
    mitre: ["T1190"],
  },
});
