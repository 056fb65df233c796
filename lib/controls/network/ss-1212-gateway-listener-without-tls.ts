import { defineControl } from "../../engine/define-control";
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { namespaceOf } from "./network-policy-coverage";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PLAIN_HTTP_PROTOCOLS = new Set(["HTTP", "HTTP2", "GRPC", "GRPC-WEB"]);

function isIstioGateway(gateway: K8sObject): boolean {
  return typeof gateway.apiVersion === "string" && gateway.apiVersion.startsWith("networking.istio.io/");
}

/** True when a route rule only redirects clients to HTTPS (the usual purpose of a port-80 listener). */
function ruleRedirectsToHttps(rule: Json): boolean {
  const filters: Json[] = Array.isArray(rule?.filters) ? rule.filters : [];
  return filters.some((f) => f?.type === "RequestRedirect" && String(f?.requestRedirect?.scheme ?? "").toLowerCase() === "https");
}

/** Routes attached to one listener of a Gateway API Gateway, through parentRefs (sectionName/port when set). */
function routesOnListener(ctx: EvalContext, gateway: K8sObject, listener: Json): K8sObject[] {
  const gwName = gateway.metadata?.name;
  const gwNs = namespaceOf(gateway);
  return ["HTTPRoute", "GRPCRoute"].flatMap((kind) =>
    ctx.index.byKind(kind).filter((route) => {
      const parents: Json[] = Array.isArray(route.spec?.parentRefs) ? route.spec.parentRefs : [];
      return parents.some(
        (p) =>
          (p?.kind ?? "Gateway") === "Gateway" &&
          p?.name === gwName &&
          (p?.namespace ?? namespaceOf(route)) === gwNs &&
          (p?.sectionName === undefined || p.sectionName === listener?.name) &&
          (p?.port === undefined || p.port === listener?.port),
      );
    }),
  );
}

function gatewayApiViolations(ctx: EvalContext, gateway: K8sObject): Violation[] | null {
  const listeners: Json[] = Array.isArray(gateway.spec?.listeners) ? gateway.spec.listeners : [];
  if (listeners.length === 0) return null;
  const violations: Violation[] = [];
  listeners.forEach((listener, i) => {
    if (String(listener?.protocol ?? "").toUpperCase() !== "HTTP") return;
    const serving = routesOnListener(ctx, gateway, listener).filter((route) => {
      const rules: Json[] = Array.isArray(route.spec?.rules) ? route.spec.rules : [];
      return rules.length === 0 || rules.some((rule) => !ruleRedirectsToHttps(rule));
    });
    if (serving.length === 0) return;
    violations.push({
      message: `HTTP listener "${listener?.name ?? i}" on port ${listener?.port} serves ${serving
        .map((r) => `${r.kind} "${r.metadata?.name}"`)
        .join(", ")} in plain text instead of redirecting to HTTPS`,
      paths: [`spec.listeners[${i}].protocol`],
    });
  });
  return violations;
}

function istioViolations(gateway: K8sObject): Violation[] | null {
  const servers: Json[] = Array.isArray(gateway.spec?.servers) ? gateway.spec.servers : [];
  if (servers.length === 0) return null;
  const violations: Violation[] = [];
  servers.forEach((server, i) => {
    const protocol = String(server?.port?.protocol ?? "").toUpperCase();
    if (!PLAIN_HTTP_PROTOCOLS.has(protocol)) return;
    if (server?.tls?.httpsRedirect === true) return;
    violations.push({
      message: `server on port ${server?.port?.number} (${protocol}) for hosts ${(server?.hosts ?? []).join(", ")} serves plain text without httpsRedirect`,
      paths: [`spec.servers[${i}].port.protocol`],
    });
  });
  return violations;
}

export default defineControl({
  id: "SS-1212",
  name: "Gateway serves plain-text HTTP",
  description:
    "Fails a Gateway API Gateway with an HTTP listener that routes traffic (attached HTTPRoutes or GRPCRoutes with rules other than redirects to HTTPS), and an Istio Gateway with an HTTP/HTTP2/GRPC server that does not set `tls.httpsRedirect`.",
  rationale:
    "Gateways are the cluster's front door. A listener that serves applications over plain HTTP exposes credentials and session data on the network, just like an Ingress without TLS.",
  severity: "high",
  category: "network",
  kinds: ["Gateway"],
  evaluate(gateway, ctx) {
    return isIstioGateway(gateway) ? istioViolations(gateway) : gatewayApiViolations(ctx, gateway);
  },
  remediation:
    "Serve applications on HTTPS listeners (protocol HTTPS or TLS with certificateRefs, or Istio servers with a `tls` block) and keep port 80 only for a RequestRedirect to https (Istio: `tls.httpsRedirect: true`).",
  refs: {
    soc2: ["CC6.7"],
  },
});
