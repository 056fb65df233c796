import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { STREAMING_IDLE_TIMEOUT_MS } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0176",
  name: "Kubelet streaming connections time out when idle",
  description:
    "Fails when the kubelet's streaming connection idle timeout (`--streaming-connection-idle-timeout`, else `streamingConnectionIdleTimeout`; default 4h) is 0, which disables the timeout.",
  rationale:
    "Exec, attach and port-forward sessions that never time out pile up, exhausting the kubelet's resources, and forgotten sessions stay open as a ready-made channel into the container.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, STREAMING_IDLE_TIMEOUT_MS, {
      what: "The kubelet streaming idle timeout",
      problem: (ms, source) =>
        ms <= 0 ? `Idle exec/attach/port-forward sessions never time out (timeout 0, ${describeSource(source, STREAMING_IDLE_TIMEOUT_MS)})` : undefined,
      fixPaths: [{ path: "spec.kubeletConfig.streamingConnectionIdleTimeout", value: "4h0m0s" }],
    }),
  remediation:
    "Set `streamingConnectionIdleTimeout` in the kubelet config file (or `--streaming-connection-idle-timeout`) to a non-zero duration such as `5m` or the default `4h0m0s`, and restart the kubelet.",
  refs: {
    kubescape: ["C-0176"],
    cis: ["4.2.5"],
    cisEks: ["3.2.5"],
    cisAks: ["3.2.5"],
    cisGke: ["3.2.5"],
  },
});
