import { defineControl } from "../../engine/define-control";
import type { Violation } from "../../engine/types";
import { sharedFixPaths } from "./container-resources";
import { autoscalersOf, declaredReplicas } from "./replicas";
import { namespaceOf } from "./scan-lookups";

const MESSAGE = "Deployment runs a single replica: any eviction, crash or node failure interrupts the service";
const FIX = sharedFixPaths("spec.replicas", "2");
// Every finding says the same, with or without the field's path: two shared (read-only) results.
const DEFAULTED = Object.freeze([Object.freeze({ message: MESSAGE, paths: undefined, fixPaths: FIX })]) as unknown as Violation[];
const SET = Object.freeze([Object.freeze({ message: MESSAGE, paths: Object.freeze(["spec.replicas"]), fixPaths: FIX })]) as unknown as Violation[];

export default defineControl({
  id: "SS-1103",
  name: "Deployment with a single replica",
  description:
    "Fails when a Deployment outside the system namespaces runs exactly one replica and no autoscaler may scale it above one. Deployments scaled to zero are not applicable.",
  rationale:
    "With one replica every node drain, eviction, crash or rollout of the wrong kind is downtime, and there is no second pod to absorb load while the first restarts.",
  severity: "low",
  category: "hygiene",
  kinds: ["Deployment"],
  evaluate(obj, ctx) {
    if ((ctx.settings.systemNamespaces ?? []).includes(namespaceOf(obj))) return null;
    const replicas = declaredReplicas(obj);
    if (replicas === 0) return null;
    if (replicas > 1) return [];
    if (autoscalersOf(obj, ctx).some((h) => typeof h.spec?.maxReplicas === "number" && h.spec.maxReplicas > 1)) return [];
    return obj.spec?.replicas === undefined ? DEFAULTED : SET;
  },
  remediation: "Run at least two replicas spread across nodes (topologySpreadConstraints or pod anti-affinity), or let an autoscaler manage the count.",
  refs: { polaris: ["deploymentMissingReplicas"] },
});
