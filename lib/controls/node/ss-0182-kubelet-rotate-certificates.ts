import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { ROTATE_CERTIFICATES } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0182",
  name: "Kubelet client certificate rotation is not turned off",
  description:
    "Fails when client certificate rotation is explicitly disabled (`--rotate-certificates=false` or `rotateCertificates: false`). Leaving it unset is accepted, as the benchmark does.",
  rationale:
    "A kubelet that cannot renew its client certificate either runs on a long-lived credential that is valuable if stolen, or drops off the cluster when the certificate expires.",
  severity: "medium",
  evaluate: (node) =>
    judgeKubeletSetting(node, ROTATE_CERTIFICATES, {
      what: "The kubelet certificate rotation setting",
      problem: (on, source) =>
        !on && source !== "default" ? `Kubelet client certificate rotation is disabled (${describeSource(source, ROTATE_CERTIFICATES)})` : undefined,
      fixPaths: [{ path: "spec.kubeletConfig.rotateCertificates", value: "true" }],
    }),
  remediation:
    "Remove `--rotate-certificates=false` and set `rotateCertificates: true` in the kubelet config file, then restart the kubelet; the kube-controller-manager must sign kubelet client CSRs (default with kubeadm).",
  refs: {
    kubescape: ["C-0182"],
    cis: ["4.2.10"],
    cisEks: ["3.2.8"],
    cisAks: ["3.2.8"],
  },
});
