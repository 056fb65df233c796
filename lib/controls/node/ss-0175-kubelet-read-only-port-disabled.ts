import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { READ_ONLY_PORT } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0175",
  name: "Kubelet read-only port is disabled",
  description:
    "Checks that the kubelet's effective read-only port is 0 (`--read-only-port`, else `readOnlyPort`; the config-file default is 0, the command-line default is 10255).",
  rationale:
    "The read-only port serves pod specs, node metrics and environment details over plain HTTP with no authentication or authorization — free reconnaissance for anyone who can reach the node.",
  severity: "medium",
  evaluate: (node) =>
    judgeKubeletSetting(node, READ_ONLY_PORT, {
      what: "The kubelet read-only port",
      problem: (port, source) =>
        port !== 0 ? `Kubelet serves its unauthenticated read-only API on port ${port} (${describeSource(source, READ_ONLY_PORT)})` : undefined,
      fixPaths: [{ path: "spec.kubeletConfig.readOnlyPort", value: "0" }],
    }),
  remediation:
    "Set `readOnlyPort: 0` in the kubelet config file, or `--read-only-port=0`, and restart the kubelet. Scrape metrics from the authenticated port 10250 instead.",
  refs: {
    kubescape: ["C-0175"],
    cis: ["4.2.4"],
    cisEks: ["3.2.4"],
    cisAks: ["3.2.4"],
    cisGke: ["3.2.4"],
  },
});
