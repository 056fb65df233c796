import { defineControl } from "../../engine/define-control";
import { requireBoolean } from "./flag-findings";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0129",
  name: "API server exposes profiling endpoints",
  description: "Fails unless the kube-apiserver runs with --profiling=false (profiling is on by default).",
  rationale:
    "The /debug/pprof handlers reveal internals of the process and let a caller trigger expensive CPU profiles, a cheap way to degrade the control plane.",
  severity: "low",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireBoolean(instance, "profiling", false, true, "/debug/pprof is served"),
  remediation: "Add `--profiling=false` to the API server; turn it on temporarily only while diagnosing a performance problem.",
  refs: { kubescape: ["C-0129"], cis: ["1.2.15"] },
});
