import { defineControl } from "../../engine/define-control";
import type { K8sObject, Violation } from "../../engine/types";

const AWS_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-";

export default defineControl<K8sObject>({
  id: "SS-0231",
  name: "AWS load balancers terminate HTTPS with a TLS certificate",
  description:
    "For LoadBalancer Services configured for AWS (`service.beta.kubernetes.io/aws-load-balancer-*` annotations) that forward plain HTTP to their pods, fails every HTTPS port (443 or named https) that has no TLS certificate on the load balancer (`aws-load-balancer-ssl-cert`).",
  rationale:
    "A load balancer listening on the HTTPS port without a certificate serves plain HTTP there: clients believe they are protected while credentials and session tokens cross the network in clear.",
  severity: "medium",
  category: "network",
  kinds: ["Service"],
  evaluate(svc) {
    if (svc.spec?.type !== "LoadBalancer") return null;
    const annotations: Record<string, string> = svc.metadata?.annotations ?? {};
    if (!Object.keys(annotations).some((k) => k.startsWith(AWS_ANNOTATION))) return null;
    if (annotations[`${AWS_ANNOTATION}ssl-cert`]) return [];
    // With a TCP/SSL/HTTPS backend the TLS session reaches the pods; only an HTTP backend exposes clear text.
    const backend = String(annotations[`${AWS_ANNOTATION}backend-protocol`] ?? "tcp").toLowerCase();
    if (backend !== "http") return [];
    const violations: Violation[] = [];
    (svc.spec?.ports ?? []).forEach((port: { port?: number; name?: string }, i: number) => {
      if (port.port === 443 || /^https/i.test(port.name ?? "")) {
        violations.push({
          message: `Service ${svc.metadata.name} exposes HTTPS port ${port.port} on an AWS load balancer without a TLS certificate`,
          paths: [`spec.ports[${i}]`],
          fixPaths: [{ path: `metadata.annotations.${AWS_ANNOTATION}ssl-cert`, value: "arn:aws:acm:<region>:<account>:certificate/<id>" }],
        });
      }
    });
    return violations;
  },
  remediation:
    "Add `service.beta.kubernetes.io/aws-load-balancer-ssl-cert: <ACM certificate ARN>` (and `aws-load-balancer-ssl-ports: \"443\"`) to the Service, or use an Ingress on the AWS Load Balancer Controller with an ACM certificate.",
  refs: {
    kubescape: ["C-0231"],
    cisEks: ["5.4.5"],
  },
});
