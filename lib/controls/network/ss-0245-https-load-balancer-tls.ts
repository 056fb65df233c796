import { defineControl } from "../../engine/define-control";
import type { K8sObject, Violation } from "../../engine/types";
import { isInternalLoadBalancer, serviceType } from "./exposure";
import { ingressTlsViolations } from "./ingress-tls";

// Annotations with which cloud load balancers terminate TLS in front of a Service.
const TLS_TERMINATION_ANNOTATIONS = [
  "service.beta.kubernetes.io/aws-load-balancer-ssl-cert",
  "service.beta.kubernetes.io/do-loadbalancer-certificate-id",
  "service.beta.kubernetes.io/oci-load-balancer-ssl-ports",
  "service.beta.kubernetes.io/linode-loadbalancer-default-protocol",
  "service.beta.kubernetes.io/exoscale-loadbalancer-service-ssl-cert",
];

const TLS_PORT_NUMBERS = new Set([443, 6443, 8443, 9443]);

/** Ports that carry TLS end to end (the load balancer passes encrypted traffic through). */
function isTlsPort(port: { port?: unknown; name?: unknown; appProtocol?: unknown }): boolean {
  if (typeof port.appProtocol === "string" && /^(https|tls|grpcs)$/i.test(port.appProtocol.replace(/^.*\//, ""))) return true;
  if (typeof port.name === "string" && /^(https|tls|grpcs)([-_].*)?$/i.test(port.name)) return true;
  return typeof port.port === "number" && TLS_PORT_NUMBERS.has(port.port);
}

function evaluateService(service: K8sObject): Violation[] | null {
  const type = serviceType(service);
  const name = service.metadata?.name;
  if (type === "NodePort") {
    return [
      {
        message: `Service "${name}" of type NodePort publishes its ports on every node, bypassing any TLS-terminating load balancer`,
        paths: ["spec.type"],
      },
    ];
  }
  if (type !== "LoadBalancer") return null;
  if (isInternalLoadBalancer(service)) return [];
  const annotations = service.metadata?.annotations ?? {};
  if (TLS_TERMINATION_ANNOTATIONS.some((a) => typeof annotations[a] === "string" && annotations[a] !== "")) return [];
  const ports: { port?: unknown; name?: unknown }[] = Array.isArray(service.spec?.ports) ? service.spec.ports : [];
  const plain = ports.map((p, i) => ({ p, i })).filter(({ p }) => p && typeof p === "object" && !isTlsPort(p));
  if (ports.length > 0 && plain.length === 0) return [];
  return [
    {
      message: `public LoadBalancer Service "${name}" does not terminate TLS and passes ${
        plain.length ? `plain-text port(s) ${plain.map(({ p }) => String(p.port)).join(", ")}` : "traffic"
      } from the internet`,
      paths: plain.length ? plain.map(({ i }) => `spec.ports[${i}]`) : ["spec.type"],
    },
  ];
}

export default defineControl({
  id: "SS-0245",
  name: "Traffic to load balancers not encrypted with TLS",
  description:
    "Fails a public LoadBalancer Service that neither terminates TLS with a provider certificate annotation nor exposes only TLS ports, a NodePort Service, and an Ingress without TLS. Internal load balancers pass.",
  rationale:
    "Traffic entering the cluster crosses networks you do not control. Without TLS at the edge, credentials and data can be read or tampered with, and clients cannot verify they reached the real service.",
  severity: "high",
  category: "network",
  kinds: ["Service", "Ingress"],
  evaluate(obj) {
    if (obj.kind === "Ingress") return ingressTlsViolations(obj);
    return evaluateService(obj);
  },
  remediation:
    "Terminate TLS at the edge: publish HTTP services through an Ingress or Gateway with a certificate (Application Gateway on AKS), use an internal load balancer behind it, or configure the cloud load balancer's certificate annotation. Avoid NodePort for external traffic.",
  refs: {
    kubescape: ["C-0245"],
    cisAks: ["5.4.5"],
  },
});
