import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0194",
  kubescape: "C-0194",
  name: "Namespace admits pods sharing the host PID namespace",
  feature: "share the host process ID namespace (hostPID)",
  minimumLevel: "baseline",
  severity: "medium",
  rationale:
    "A pod in the host PID namespace sees and can signal or trace every process on the node, including other tenants' containers and their environment.",
  refs: { cis: ["5.2.3"], cisEks: ["4.2.2"], mitre: ["T1611"] },
});
