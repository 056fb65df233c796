import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0201",
  kubescape: "C-0201",
  name: "Namespace admits containers that keep default capabilities",
  feature: "run without dropping ALL capabilities",
  minimumLevel: "restricted",
  severity: "medium",
  rationale:
    "Containers that keep the runtime's default capability set hold privileges most applications never use; the restricted standard requires dropping ALL.",
  refs: { cis: ["5.2.10"] },
});
