import { defineControl } from "../../engine/define-control";
import { refOf } from "../../engine/object-index";
import type { ObjectRef, Violation } from "../../engine/types";
import { WORKLOAD_KINDS } from "../../engine/workload";
import { isolationOf, type Isolation } from "./network-policy-coverage";

// The finding of every workload no policy selects: one shared, read-only list.
const NOT_SELECTED: Violation[] = Object.freeze([
  Object.freeze({ message: "no NetworkPolicy or Cilium policy selects these pods: ingress and egress are unrestricted", related: Object.freeze([]) as unknown as ObjectRef[] }),
]) as unknown as Violation[];

const NONE: Violation[] = Object.freeze([]) as unknown as Violation[];

/** The finding of pods whose selecting policies leave a direction open (shared, read-only). */
function partialIsolation(isolation: Isolation): Violation[] {
  const missing = (["ingress", "egress"] as const).filter((d) => isolation[d].length === 0);
  return Object.freeze([
    Object.freeze({
      message: `the policies selecting these pods do not restrict ${missing.join(" or ")}`,
      related: [...new Set(isolation.selecting.map((r) => r.policy))].map(refOf),
    }),
  ]) as unknown as Violation[];
}

export default defineControl({
  id: "SS-0030",
  name: "Ingress and egress not both restricted by network policy",
  description:
    "Fails a workload whose pods are not isolated in both directions: no NetworkPolicy or Cilium policy selecting them governs ingress, egress, or either.",
  rationale:
    "A pod without an ingress policy accepts connections from every pod in the cluster, and one without an egress policy can reach any service, the cloud metadata endpoint and the internet. Restricting both limits what a compromised pod can attack and where it can send data.",
  severity: "medium",
  category: "network",
  kinds: [...WORKLOAD_KINDS],
  evaluate(workload, ctx) {
    const isolation = isolationOf(ctx, workload);
    if (isolation.selecting.length === 0) return NOT_SELECTED;
    if (isolation.ingress.length > 0 && isolation.egress.length > 0) return NONE;
    // Workloads selected by the same rules share one Isolation, hence one finding.
    const verdicts = ctx.cache("SS-0030:verdicts", () => new Map<Isolation, Violation[]>());
    let verdict = verdicts.get(isolation);
    if (!verdict) verdicts.set(isolation, (verdict = partialIsolation(isolation)));
    return verdict;
  },
  remediation:
    "Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, Egress]`), then allow only the flows each workload needs (DNS egress included). With Cilium, a policy with both `ingress` and `egress` sections has the same effect.",
  refs: {
    kubescape: ["C-0030"],
    nsa: ["network-policies"],
  },
});
