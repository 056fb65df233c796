import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0151",
  name: "Scheduler exposes profiling endpoints",
  description: "Fails unless the kube-scheduler runs with --profiling=false (profiling is on by default).",
  rationale: "The /debug/pprof handlers reveal process internals and let callers trigger expensive profiles that slow scheduling.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-scheduler"),
  evaluate: (instance) => requireBoolean(instance, "profiling", false, true, "/debug/pprof is served"),
  remediation: "Add `--profiling=false` to the scheduler (or `enableProfiling: false` in its configuration file together with the flag).",
  refs: { kubescape: ["C-0151"], cis: ["1.4.1"] },
});
