import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, lastFlag, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0151",
  name: "Scheduler exposes profiling endpoints",
  description:
    "Fails unless the kube-scheduler runs with --profiling=false (profiling is on by default). Not evaluated for a scheduler started with --config: it then ignores --profiling and reads enableProfiling from that file.",
  rationale: "The /debug/pprof handlers reveal process internals and let callers trigger expensive profiles that slow scheduling.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-scheduler"),
  evaluate(instance) {
    if (lastFlag(instance, "config")?.value) return null;
    return requireBoolean(instance, "profiling", false, true, "/debug/pprof is served");
  },
  remediation: "Add `--profiling=false` to the scheduler, or `enableProfiling: false` to its KubeSchedulerConfiguration when it runs with `--config`.",
  refs: { kubescape: ["C-0151"], cis: ["1.4.1"] },
});
