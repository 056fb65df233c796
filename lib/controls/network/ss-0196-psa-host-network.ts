import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0196",
  kubescape: "C-0196",
  name: "Namespace admits pods on the host network",
  feature: "use the host network namespace (hostNetwork)",
  minimumLevel: "baseline",
  severity: "medium",
  rationale:
    "A host-network pod can bind node ports, sniff node traffic and reach services listening on localhost, and NetworkPolicies do not apply to it.",
  refs: { cis: ["5.2.5"], cisEks: ["4.2.4"] },
});
