import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0198",
  kubescape: "C-0198",
  name: "Namespace admits containers running as root",
  feature: "run as the root user",
  minimumLevel: "restricted",
  severity: "medium",
  rationale:
    "Root in a container is root on the host as soon as any isolation layer fails; the restricted standard requires runAsNonRoot.",
  refs: { cis: ["5.2.7"] },
});
