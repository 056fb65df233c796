import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0200",
  kubescape: "C-0200",
  name: "Namespace admits containers adding capabilities",
  feature: "add Linux capabilities beyond NET_BIND_SERVICE",
  minimumLevel: "restricted",
  severity: "medium",
  rationale:
    "Every added capability widens what a compromised process can do to the kernel and host; restricted pods may add only NET_BIND_SERVICE.",
  refs: { cis: ["5.2.9"] },
});
