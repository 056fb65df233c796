import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0204",
  kubescape: "C-0204",
  name: "Namespace admits containers using host ports",
  feature: "bind host ports (hostPort)",
  minimumLevel: "baseline",
  severity: "medium",
  rationale:
    "A hostPort publishes a container directly on the node's network interfaces, bypassing Services and NetworkPolicy-based controls and exposing it outside the cluster.",
  refs: { cis: ["5.2.13"] },
});
