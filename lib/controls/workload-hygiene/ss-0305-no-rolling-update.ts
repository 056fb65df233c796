import { defineControl } from "../../engine/define-control";
import { sharedFixPaths } from "./container-resources";

// Every finding of a kind names the same field: shared, read-only.
const STRATEGY_PATHS = Object.freeze(["spec.strategy.type"]) as unknown as string[];
const STRATEGY_FIX = sharedFixPaths("spec.strategy.type", "RollingUpdate");
const UPDATE_STRATEGY_PATHS = Object.freeze(["spec.updateStrategy.type"]) as unknown as string[];
const UPDATE_STRATEGY_FIX = sharedFixPaths("spec.updateStrategy.type", "RollingUpdate");

export default defineControl({
  id: "SS-0305",
  name: "No rolling update strategy",
  description:
    "Fails when a Deployment's strategy type is set to anything but RollingUpdate (Recreate), or a StatefulSet's or DaemonSet's updateStrategy is OnDelete.",
  rationale:
    "Recreate stops every pod before starting new ones, so each rollout is an outage; OnDelete never rolls out at all until someone deletes pods by hand, leaving old (possibly vulnerable) versions running indefinitely.",
  severity: "low",
  category: "hygiene",
  kinds: ["Deployment", "StatefulSet", "DaemonSet"],
  evaluate(obj) {
    if (obj.kind === "Deployment") {
      const type = obj.spec?.strategy?.type;
      if (type === undefined || type === "RollingUpdate") return [];
      return [{
        message: `Deployment uses the ${type} strategy: every rollout takes all pods down at once`,
        paths: STRATEGY_PATHS,
        fixPaths: STRATEGY_FIX,
      }];
    }
    const type = obj.spec?.updateStrategy?.type;
    if (type !== "OnDelete") return [];
    return [{
      message: `${obj.kind} uses the OnDelete update strategy: template changes reach pods only when they are deleted by hand`,
      paths: UPDATE_STRATEGY_PATHS,
      fixPaths: UPDATE_STRATEGY_FIX,
    }];
  },
  remediation:
    "Use RollingUpdate with maxUnavailable/maxSurge suited to the workload. Keep Recreate only where two versions truly cannot run side by side, and record an exception for it.",
  refs: { kubescape: ["C-0305"] },
});
