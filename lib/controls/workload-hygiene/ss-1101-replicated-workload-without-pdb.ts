import { defineControl } from "../../engine/define-control";
import { hasDisruptionBudget, minimumReplicas } from "./replicas";

export default defineControl({
  id: "SS-1101",
  name: "Replicated workload without a PodDisruptionBudget",
  description:
    "Fails when a Deployment or StatefulSet that runs more than one replica (by spec, or by an autoscaler's minReplicas) has no PodDisruptionBudget selecting its pods. Single-replica workloads are not applicable.",
  rationale:
    "Node drains during upgrades and autoscaler scale-downs evict pods without regard to the service; without a budget all replicas can go down at once, turning routine maintenance into an outage.",
  severity: "low",
  category: "hygiene",
  kinds: ["Deployment", "StatefulSet"],
  evaluate(obj, ctx) {
    const replicas = minimumReplicas(obj, ctx);
    if (replicas <= 1) return null;
    if (hasDisruptionBudget(obj, ctx)) return [];
    return [{ message: `${obj.kind} runs ${replicas} replicas but no PodDisruptionBudget protects them from simultaneous eviction` }];
  },
  remediation: "Add a PodDisruptionBudget selecting the pods with maxUnavailable: 1 (or a minAvailable below the replica count).",
  refs: { polaris: ["missingPodDisruptionBudget"] },
});
