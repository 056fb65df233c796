import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { AUTHORIZATION_MODE } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0173",
  name: "Kubelet authorization mode is not AlwaysAllow",
  description:
    "Checks the kubelet's effective authorization mode (`--authorization-mode` flag, else `authorization.mode` in the config file; without a config file the kubelet defaults to AlwaysAllow).",
  rationale:
    "With AlwaysAllow every authenticated caller — and every anonymous one when anonymous auth is on — may use the whole kubelet API: exec into containers, read logs and secrets mounted in pods, on every node configured this way.",
  severity: "medium",
  evaluate: (node) =>
    judgeKubeletSetting(node, AUTHORIZATION_MODE, {
      what: "The kubelet authorization mode",
      problem: (mode, source) =>
        mode.split(",").map((m) => m.trim()).includes("AlwaysAllow")
          ? `Kubelet authorizes every request (AlwaysAllow, ${describeSource(source, AUTHORIZATION_MODE)})`
          : undefined,
      fixPaths: [{ path: "spec.kubeletConfig.authorization.mode", value: "Webhook" }],
    }),
  remediation:
    "Set `authorization.mode: Webhook` in the kubelet config file (and enable `authentication.webhook.enabled`), remove any `--authorization-mode=AlwaysAllow` flag, and restart the kubelet so each request is checked against the API server's RBAC.",
  refs: {
    kubescape: ["C-0173"],
    cis: ["4.2.2"],
    cisEks: ["3.2.2"],
    cisAks: ["3.2.2"],
    cisGke: ["3.2.2"],
  },
});
