import { defineControl } from "../../engine/define-control";

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
        paths: ["spec.strategy.type"],
        fixPaths: [{ path: "spec.strategy.type", value: "RollingUpdate" }],
      }];
    }
    const type = obj.spec?.updateStrategy?.type;
    if (type !== "OnDelete") return [];
    return [{
      message: `${obj.kind} uses the OnDelete update strategy: template changes reach pods only when they are deleted by hand`,
      paths: ["spec.updateStrategy.type"],
      fixPaths: [{ path: "spec.updateStrategy.type", value: "RollingUpdate" }],
    }];
  },
  remediation:
    "Use RollingUpdate with maxUnavailable/maxSurge suited to the workload. Keep Recreate only where two versions truly cannot run side by side, and record an exception for it.",
  refs: { kubescape: ["C-0305"] },
});
