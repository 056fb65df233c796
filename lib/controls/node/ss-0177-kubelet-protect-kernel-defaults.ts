import { describeSource, judgeKubeletSetting } from "./kubelet-settings";
import { PROTECT_KERNEL_DEFAULTS } from "./kubelet-setting-specs";
import { defineNodeControl } from "./node-targets";

export default defineNodeControl({
  id: "SS-0177",
  name: "Kubelet protects kernel defaults",
  description:
    "Checks that the kubelet runs with `protectKernelDefaults` / `--protect-kernel-defaults` set to true (the default is false).",
  rationale:
    "When protection is off the kubelet silently rewrites kernel tunables it depends on; when on, it refuses to start on a node whose kernel settings differ, so hardening done on the host is not undone behind the administrator's back.",
  severity: "low",
  evaluate: (node) =>
    judgeKubeletSetting(node, PROTECT_KERNEL_DEFAULTS, {
      what: "The kubelet protect-kernel-defaults setting",
      problem: (on, source) =>
        on ? undefined : `Kubelet may change kernel settings it disagrees with (protectKernelDefaults false, ${describeSource(source, PROTECT_KERNEL_DEFAULTS)})`,
      fixPaths: [{ path: "spec.kubeletConfig.protectKernelDefaults", value: "true" }],
    }),
  remediation:
    "Set the kernel parameters the kubelet expects (vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10, kernel.panic_on_oops=1, kernel.keys.* limits) in /etc/sysctl.d, then set `protectKernelDefaults: true` in the kubelet config file and restart the kubelet.",
  refs: {
    kubescape: ["C-0177"],
  },
});
