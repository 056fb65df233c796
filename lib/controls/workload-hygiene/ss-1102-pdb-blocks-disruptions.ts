import { defineControl } from "../../engine/define-control";
import { declaredReplicas, REPLICATED_KINDS, workloadsUnderBudget } from "./replicas";

function percent(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = value.trim().match(/^(\d+(?:\.\d+)?)%$/);
  return m ? Number(m[1]) : undefined;
}

export default defineControl({
  id: "SS-1102",
  name: "PodDisruptionBudget allows no disruption",
  description:
    "Fails when a PodDisruptionBudget can never be satisfied during an eviction: maxUnavailable is 0 or 0%, minAvailable is 100%, or minAvailable is at least the total replicas of the workloads it selects in the scan.",
  rationale:
    "Such a budget blocks every voluntary eviction: node drains hang, cluster upgrades stall and the autoscaler cannot remove nodes, until someone deletes the budget by hand under pressure.",
  severity: "medium",
  category: "hygiene",
  kinds: ["PodDisruptionBudget"],
  evaluate(pdb, ctx) {
    const { maxUnavailable, minAvailable } = pdb.spec ?? {};
    if (maxUnavailable === 0 || percent(maxUnavailable) === 0) {
      return [{ message: "maxUnavailable is 0: no pod it selects may ever be evicted", paths: ["spec.maxUnavailable"] }];
    }
    if (percent(minAvailable) === 100) {
      return [{ message: "minAvailable is 100%: no pod it selects may ever be evicted", paths: ["spec.minAvailable"] }];
    }
    if (typeof minAvailable === "number") {
      const selected = workloadsUnderBudget(pdb, ctx);
      // Only replicated kinds have a known pod count; a selected DaemonSet or bare pod leaves it unknown.
      if (!selected.length || !selected.every((w) => REPLICATED_KINDS.includes(w.kind))) return [];
      const total = selected.reduce((sum, w) => sum + declaredReplicas(w), 0);
      if (minAvailable >= total && total > 0) {
        return [{
          message: `minAvailable ${minAvailable} leaves no room to evict any of the ${total} selected pod${total > 1 ? "s" : ""}`,
          paths: ["spec.minAvailable"],
        }];
      }
    }
    return [];
  },
  remediation: "Allow at least one disruption: prefer maxUnavailable: 1, or set minAvailable below the replica count (and raise replicas if the service needs that many).",
  refs: { polaris: ["pdbDisruptionsIsZero"] },
});
