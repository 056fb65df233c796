import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { MAKE_IPTABLES_UTIL_CHAINS } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0178",
  name: "Kubelet manages its iptables utility chains",
  description:
    "Fails when the kubelet is told not to create its iptables utility chains (`--make-iptables-util-chains=false` or `makeIPTablesUtilChains: false`; the default is true).",
  rationale:
    "The kubelet keeps the iptables rules that pod networking relies on (for example dropping martian and marked packets) in sync with pod lifecycle; turning it off leaves those rules to drift or go missing.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, MAKE_IPTABLES_UTIL_CHAINS, {
      what: "The kubelet make-iptables-util-chains setting",
      problem: (on, source) =>
        on ? undefined : `Kubelet does not manage its iptables chains (${describeSource(source, MAKE_IPTABLES_UTIL_CHAINS)})`,
      fixPaths: [{ path: "spec.kubeletConfig.makeIPTablesUtilChains", value: "true" }],
    }),
  remediation:
    "Remove `--make-iptables-util-chains=false` and set `makeIPTablesUtilChains: true` (or leave it unset) in the kubelet config file, then restart the kubelet.",
  refs: {
    kubescape: ["C-0178"],
    cis: ["4.2.6"],
    cisEks: ["3.2.6"],
    cisAks: ["3.2.6"],
    cisGke: ["3.2.6"],
  },
});
