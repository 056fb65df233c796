import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0203",
  kubescape: "C-0203",
  name: "Namespace admits HostPath volumes",
  feature: "mount HostPath volumes",
  minimumLevel: "baseline",
  severity: "medium",
  rationale:
    "A HostPath volume exposes the node's filesystem: kubelet credentials, the container runtime socket or other pods' data can be read or altered from the pod.",
  refs: { cis: ["5.2.12"], mitre: ["T1611"] },
});
