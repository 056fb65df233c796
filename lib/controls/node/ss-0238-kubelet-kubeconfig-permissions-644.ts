import { defineFileModeControl } from "./node-file-controls";

export default defineFileModeControl({
  id: "SS-0238",
  name: "Kubelet kubeconfig permissions are 644 or stricter",
  description:
    "Checks that the kubelet's `--kubeconfig` file is writable by its owner only, as the managed-Kubernetes benchmarks require.",
  rationale:
    "A writable kubeconfig can be pointed at another API server or given other credentials, hijacking the node's identity.",
  severity: "medium",
  roles: ["kubeletKubeconfig"],
  maxMode: 0o644,
  remediation:
    "Run `chmod 644` (or stricter, 600 is better when it holds a client key) on the kubelet kubeconfig file.",
  refs: {
    kubescape: ["C-0238"],
    cisEks: ["3.1.1"],
    cisAks: ["3.1.1"],
  },
});
