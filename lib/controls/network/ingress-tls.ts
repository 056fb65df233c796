// TLS coverage of an Ingress: spec.tls entries and the hosts they cover.
import type { K8sObject, Violation } from "../../engine/types";

function hostCovered(host: string, tlsHosts: string[]): boolean {
  const h = host.toLowerCase();
  return tlsHosts.some((t) => {
    const pattern = t.toLowerCase();
    if (pattern === h) return true;
    // `*.example.com` covers exactly one extra label.
    if (pattern.startsWith("*.")) {
      const suffix = pattern.slice(1);
      return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes(".") && h.length > suffix.length;
    }
    return false;
  });
}

/** Violations for an Ingress served without TLS, or with TLS that leaves some rule hosts plain-text. */
export function ingressTlsViolations(ingress: K8sObject): Violation[] {
  const tls: unknown[] = Array.isArray(ingress.spec?.tls) ? ingress.spec.tls.filter((t: unknown) => !!t && typeof t === "object") : [];
  if (tls.length === 0) {
    return [
      {
        message: `Ingress "${ingress.metadata?.name}" defines no TLS: its routes are served over plain HTTP`,
        paths: ["spec.tls"],
        fixPaths: [{ path: "spec.tls[0].secretName", value: "<tls-secret>" }],
      },
    ];
  }
  // A TLS entry without hosts applies to every host the controller serves for this Ingress.
  const tlsHosts = tls.flatMap((t) => {
    const hosts = (t as { hosts?: unknown }).hosts;
    return Array.isArray(hosts) && hosts.length ? hosts.filter((h): h is string => typeof h === "string") : ["*"];
  });
  if (tlsHosts.includes("*")) return [];
  const violations: Violation[] = [];
  const rules: unknown[] = Array.isArray(ingress.spec?.rules) ? ingress.spec.rules : [];
  rules.forEach((rule, i) => {
    const host = (rule as { host?: unknown })?.host;
    if (typeof host === "string" && host && !hostCovered(host, tlsHosts)) {
      violations.push({
        message: `host "${host}" of Ingress "${ingress.metadata?.name}" is not listed in any spec.tls entry`,
        paths: [`spec.rules[${i}].host`],
      });
    }
  });
  return violations;
}
