import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0202",
  kubescape: "C-0202",
  name: "Namespace admits Windows HostProcess containers",
  feature: "run as Windows HostProcess containers",
  minimumLevel: "baseline",
  severity: "high",
  rationale:
    "A Windows HostProcess container runs directly on the host with full access to it, bypassing container isolation entirely.",
  refs: { cis: ["5.2.11"] },
});
