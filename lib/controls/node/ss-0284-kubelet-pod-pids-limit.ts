import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { POD_PIDS_LIMIT } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0284",
  name: "Kubelet limits the number of processes per pod",
  description:
    "Checks that the kubelet sets a positive per-pod process limit (`--pod-max-pids` / `podPidsLimit`; the default -1 means unlimited).",
  rationale:
    "Without a limit a single pod can fork until the node runs out of process IDs (a fork bomb), starving the kubelet, the container runtime and every other pod on the node.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, POD_PIDS_LIMIT, {
      what: "The kubelet pod PID limit",
      problem: (limit, source) =>
        limit > 0 ? undefined : `Pods on this node may create unlimited processes (podPidsLimit ${limit}, ${describeSource(source, POD_PIDS_LIMIT)})`,
      fixPaths: [{ path: "spec.kubeletConfig.podPidsLimit", value: "4096" }],
    }),
  remediation:
    "Set `podPidsLimit` in the kubelet config file (or `--pod-max-pids`) to a value that covers your largest workload with headroom — a few thousand is common — and restart the kubelet.",
  refs: {
    kubescape: ["C-0284"],
    cis: ["4.2.13"],
  },
});
