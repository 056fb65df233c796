import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { EVENT_RECORD_QPS } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0180",
  name: "Kubelet event rate is bounded",
  description:
    "Fails when the kubelet's event rate limit (`--event-qps` / `eventRecordQPS`, default 50) is 0, which removes the limit.",
  rationale:
    "An unlimited event rate lets a misbehaving or hostile pod make the kubelet flood the API server and etcd with events, a denial of service for the whole control plane; a sensible positive limit still records the events that matter.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, EVENT_RECORD_QPS, {
      what: "The kubelet event rate limit",
      problem: (qps, source) =>
        qps <= 0 ? `Kubelet event creation is not rate limited (eventRecordQPS ${qps}, ${describeSource(source, EVENT_RECORD_QPS)})` : undefined,
      fixPaths: [{ path: "spec.kubeletConfig.eventRecordQPS", value: "50" }],
    }),
  remediation:
    "Set `eventRecordQPS` in the kubelet config file (or `--event-qps`) to a positive value sized for the cluster — the default 50 suits most — and restart the kubelet.",
  refs: {
    kubescape: ["C-0180"],
    cis: ["4.2.8"],
    cisEks: ["3.2.7"],
    cisAks: ["3.2.7"],
  },
});
