import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0193",
  kubescape: "C-0193",
  name: "Namespace admits privileged containers",
  feature: "run privileged containers",
  minimumLevel: "baseline",
  severity: "high",
  rationale:
    "A privileged container has every capability and device of the host; admitting one is admitting a potential node takeover.",
  refs: { cis: ["5.2.2"], cisEks: ["4.2.1"], mitre: ["T1611"] },
});
