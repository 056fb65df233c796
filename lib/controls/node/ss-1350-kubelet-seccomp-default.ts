import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { SECCOMP_DEFAULT } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-1350",
  name: "Kubelet applies the RuntimeDefault seccomp profile by default",
  description:
    "Checks that the kubelet runs with `seccompDefault: true` (`--seccomp-default`), so containers that request no seccomp profile get the runtime's default profile instead of none.",
  rationale:
    "Unconfined containers can use every system call, including the rarely needed ones behind many kernel privilege escalations; a node-wide default closes that gap for workloads that forgot to ask for a profile.",
  severity: "medium",
  evaluate: (node) =>
    judgeKubeletSetting(node, SECCOMP_DEFAULT, {
      what: "The kubelet seccomp default",
      problem: (on, source) =>
        on ? undefined : `Containers without a seccomp profile run unconfined (seccompDefault false, ${describeSource(source, SECCOMP_DEFAULT)})`,
      fixPaths: [{ path: "spec.kubeletConfig.seccompDefault", value: "true" }],
    }),
  remediation:
    "Set `seccompDefault: true` in the kubelet config file (or `--seccomp-default`) and restart the kubelet; test workloads first, as a few need an explicit `Unconfined` or custom profile.",
  refs: {
    cis: ["4.2.14"],
  },
});
