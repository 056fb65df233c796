import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0145",
  name: "Controller manager exposes profiling endpoints",
  description: "Fails unless the kube-controller-manager runs with --profiling=false (profiling is on by default).",
  rationale: "The /debug/pprof handlers reveal process internals and let callers trigger expensive profiles of a component that holds cluster-wide credentials.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-controller-manager"),
  evaluate: (instance) => requireBoolean(instance, "profiling", false, true, "/debug/pprof is served"),
  remediation: "Add `--profiling=false` to the controller manager.",
  refs: { kubescape: ["C-0145"], cis: ["1.3.2"] },
});
