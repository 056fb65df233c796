import { definePsaFeatureControl } from "./pod-security-admission";

export default definePsaFeatureControl({
  id: "SS-0195",
  kubescape: "C-0195",
  name: "Namespace admits pods sharing the host IPC namespace",
  feature: "share the host IPC namespace (hostIPC)",
  minimumLevel: "baseline",
  severity: "medium",
  rationale:
    "Sharing the host IPC namespace exposes the shared memory and message queues of every process on the node to the pod.",
  refs: { cis: ["5.2.4"], cisEks: ["4.2.3"] },
});
