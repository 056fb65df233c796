import { defineControl } from "../../engine/define-control";
import { requireAdmissionPlugin } from "./admission-plugins";
import { componentTargets, type ComponentInstance } from "./static-pod-flags";

export default defineControl<ComponentInstance>({
  id: "SS-0121",
  name: "API server does not rate-limit events",
  description: "Fails unless the EventRateLimit admission plugin is enabled on the kube-apiserver.",
  rationale:
    "Events are written to etcd for every pod restart, probe failure or scheduling problem. A crash-looping or malicious workload can flood the API server and etcd with events; EventRateLimit caps that per server, namespace, user or object.",
  severity: "medium",
  category: "control-plane",
  targets: componentTargets("kube-apiserver"),
  evaluate: (instance) => requireAdmissionPlugin(instance, "EventRateLimit", "a noisy or hostile workload can flood etcd with events"),
  remediation:
    "Add EventRateLimit to `--enable-admission-plugins` and give it limits through `--admission-control-config-file` (an EventRateLimit configuration with per-namespace and per-user buckets).",
  refs: { kubescape: ["C-0121"], cis: ["1.2.9"], mitre: ["T1499"] },
});
