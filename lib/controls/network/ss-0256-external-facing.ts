import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { exposureOf, type ExposureVia } from "./exposure";

const NONE: Violation[] = Object.freeze([]) as unknown as Violation[];
const SERVICE_AND_INGRESS: readonly ExposureVia[] = ["LoadBalancer", "NodePort", "externalIPs", "Ingress"];

export default defineControl({
  id: "SS-0256",
  name: "Workload reachable from outside the cluster",
  description:
    "Fails a workload whose pods are reachable from outside the cluster through a public LoadBalancer or NodePort Service, Service externalIPs, or an Ingress routing to a Service that selects them. Internal load balancers and internal-scheme Ingresses are not counted.",
  rationale:
    "Externally reachable workloads are the first thing an attacker probes. Knowing which workloads face outside traffic lets you hold them to a higher bar: authentication, TLS, hardened images and tight network policies.",
  severity: "high",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    const exposure = exposureOf(ctx, workload);
    // Most workloads are not exposed at all: no list to filter or map.
    if (exposure.length === 0) return NONE;
    const paths = exposure.filter((p) => SERVICE_AND_INGRESS.includes(p.via) && !p.internal);
    return paths.map((p) => ({
      message: `reachable from outside the cluster through ${p.description}`,
      related: [refOf(p.entry), ...p.related],
    }));
  },
  remediation:
    "Confirm the workload is meant to be public. If not, switch its Service to ClusterIP (or an internal load balancer) and remove the Ingress route. If it is, keep it behind a TLS-terminating ingress or gateway, restrict source ranges, and apply strict network policies.",
  refs: {
    kubescape: ["C-0256"],
    mitre: ["T1190"],
  },
});
