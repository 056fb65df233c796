import { judgeKubeletSetting } from "./kubelet-settings";
import { HOSTNAME_OVERRIDE } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0179",
  name: "Kubelet hostname is not overridden",
  description: "Fails when the kubelet runs with `--hostname-override` (a command-line-only setting).",
  rationale:
    "An overridden hostname can make the node's name differ from the name in its serving certificate, which breaks TLS verification between the API server and the kubelet and tempts operators to turn verification off.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, HOSTNAME_OVERRIDE, {
      what: "The kubelet hostname override",
      problem: (name, source) => (source === "flag" ? `Kubelet overrides its hostname with "${name}"` : undefined),
    }),
  remediation:
    "Remove `--hostname-override` from the kubelet's unit or drop-in file and restart the kubelet. Some cloud providers need it for their node naming; there, make sure the kubelet serving certificate covers the overridden name and keep the finding as an exception.",
  refs: {
    kubescape: ["C-0179"],
    cis: ["4.2.7"],
  },
});
