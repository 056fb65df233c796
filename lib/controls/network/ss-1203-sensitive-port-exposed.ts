import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { externalIPsOf, isInternalLoadBalancer, serviceType } from "./exposure";

// Ports of administrative interfaces and data stores that should never face outside networks.
const SENSITIVE_PORTS: Record<number, string> = {
  22: "SSH",
  23: "Telnet",
  1433: "Microsoft SQL Server",
  1521: "Oracle Database",
  2181: "ZooKeeper",
  2375: "Docker API (plain text)",
  2376: "Docker API",
  2379: "etcd client API",
  2380: "etcd peer API",
  3306: "MySQL",
  3389: "RDP",
  4194: "cAdvisor",
  5432: "PostgreSQL",
  5601: "Kibana",
  5900: "VNC",
  5984: "CouchDB",
  6379: "Redis",
  7000: "Cassandra inter-node",
  8086: "InfluxDB",
  8500: "Consul",
  9042: "Cassandra",
  9092: "Kafka",
  9200: "Elasticsearch",
  9300: "Elasticsearch transport",
  10250: "kubelet API",
  10255: "kubelet read-only API",
  11211: "memcached",
  15672: "RabbitMQ management",
  27017: "MongoDB",
};

function portNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

export default defineControl({
  id: "SS-1203",
  name: "Database or admin port exposed outside the cluster",
  description:
    "Fails a public LoadBalancer, NodePort or externalIPs Service that publishes a port (or targets a container port) used by databases, caches, message brokers or remote administration (SSH, RDP, etcd, kubelet, Docker API, …).",
  rationale:
    "Data stores and admin interfaces are the most scanned and brute-forced services on the internet; many run without authentication by default. Publishing them outside the cluster turns one weak password or missing patch into a breach.",
  severity: "high",
  category: "network",
  kinds: ["Service"],
  evaluate(service) {
    const type = serviceType(service);
    const publicLb = type === "LoadBalancer" && !isInternalLoadBalancer(service);
    if (!publicLb && type !== "NodePort" && externalIPsOf(service).length === 0) return null;
    const ports: { port?: unknown; targetPort?: unknown }[] = Array.isArray(service.spec?.ports) ? service.spec.ports : [];
    const violations: Violation[] = [];
    ports.forEach((p, i) => {
      const candidates = [portNumber(p?.port), portNumber(p?.targetPort)].filter((n): n is number => n !== undefined);
      const hit = candidates.find((n) => SENSITIVE_PORTS[n]);
      if (hit !== undefined) {
        violations.push({
          message: `Service "${service.metadata?.name}" exposes port ${String(p.port)}${
            portNumber(p.port) === hit ? "" : ` (forwarded to ${hit})`
          }, ${SENSITIVE_PORTS[hit]}, outside the cluster`,
          paths: [`spec.ports[${i}]`],
        });
      }
    });
    return violations;
  },
  remediation:
    "Keep data stores and admin interfaces on ClusterIP Services. Reach them from outside through a VPN, a bastion or `kubectl port-forward`; if external access is unavoidable, use an internal load balancer with source ranges and strong authentication.",
  refs: {
    mitre: ["T1190", "T1133"],
  },
});
