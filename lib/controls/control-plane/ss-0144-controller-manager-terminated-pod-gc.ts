import { defineControl } from "../../engine/define-control";
import { flagFinding } from "./flag-findings";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

// The controller manager's default; CIS 1.3.1 warns that it may be too high to sustain.
const DEFAULT_THRESHOLD = 12500;

export default defineControl<ComponentInstance>({
  id: "SS-0144",
  name: "Controller manager keeps too many terminated pods",
  description: `Fails unless the kube-controller-manager sets --terminated-pod-gc-threshold to a positive value below its default of ${DEFAULT_THRESHOLD}; unset, the default, higher, zero or negative (garbage collection off) all fail.`,
  rationale:
    "Terminated pods are only garbage-collected past this threshold. At the default, tens of thousands of dead pods can accumulate in etcd and slow every list and watch of the control plane.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate(instance) {
    const occurrence = lastFlag(instance, "terminated-pod-gc-threshold");
    const fix = "--terminated-pod-gc-threshold=1000";
    if (!occurrence) {
      return [flagFinding(instance, undefined, `--terminated-pod-gc-threshold is not set, so ${DEFAULT_THRESHOLD} terminated pods are kept before cleanup`, fix)];
    }
    const value = /^-?\d+$/.test(occurrence.value.trim()) ? Number(occurrence.value) : NaN;
    if (Number.isNaN(value)) return [flagFinding(instance, occurrence, `--terminated-pod-gc-threshold is "${occurrence.value}", not a number`, fix)];
    if (value <= 0) return [flagFinding(instance, occurrence, `--terminated-pod-gc-threshold is ${value}: terminated pods are never garbage-collected`, fix)];
    if (value >= DEFAULT_THRESHOLD) {
      return [flagFinding(instance, occurrence, `--terminated-pod-gc-threshold is ${value}, not below the default of ${DEFAULT_THRESHOLD}`, fix)];
    }
    return [];
  },
  remediation:
    "Set `--terminated-pod-gc-threshold` on the controller manager to a value your control plane sustains comfortably (hundreds to a few thousand, depending on cluster size).",
  refs: { kubescape: ["C-0144"], cis: ["1.3.1"] },
});
